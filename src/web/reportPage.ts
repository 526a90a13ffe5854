import type { EngagementReport, ReportOutput, ReportTask, ReportWorkshop } from '../domain/report';
import { STATUS_SYMBOL, STATUS_TEXT } from '../domain/statusWords';
import { dayOf, html, Html } from './html';

const STYLE = new Html(`
  :root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; color: #242424; }
  body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin: 0.2rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d1d1d1; }
  h3 { font-size: 1rem; margin-bottom: 0.3rem; } .kicker, .meta { color: #616161; margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e0e0e0; }
  th { background: #f5f5f5; } .notPlanned td:first-child { font-weight: 600; }
  /* The same columns in every workshop's table, so they read as one list. */
  table.tasks { table-layout: fixed; } table.tasks td { overflow-wrap: break-word; }
  .id { width: 7%; } .task { width: 30%; } .kind { width: 11%; } .status { width: 13%; } .changed { width: 18%; }
  a { color: #0f6cbd; }
  .unseen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; } .screen { display: none; }
    h2 { break-after: avoid; } table, section.workshop { break-inside: avoid; } tr { break-inside: avoid; }
    thead { display: table-header-group; }
  }`);

const changed = (by?: string, at?: string) => (by && at ? `${by}, ${dayOf(at)}` : (by ?? ''));

function taskRow(task: ReportTask): Html {
  const status = task.outOfScope ? 'Not applicable (out of scope)' : STATUS_TEXT[task.status];
  return html`<tr>
    <td>${task.id}</td>
    <td>${task.name}</td>
    <td>${task.mandatory ? 'Mandatory' : 'Optional'}</td>
    <td>${STATUS_SYMBOL[task.status]} ${status}</td>
    <td>${changed(task.changedBy, task.changedAt)}</td>
    <td>${task.reason}</td>
  </tr>`;
}

function workshop(w: ReportWorkshop): Html {
  return html`<section class="workshop">
    <h3>${w.name}</h3>
    <p class="meta">
      ${w.done} of ${w.total} mandatory ${w.total === 1 ? 'task' : 'tasks'}
      done${w.targetDate ? ` · target date ${dayOf(w.targetDate)}` : ''}
    </p>
    <table class="tasks">
      <colgroup>
        <col class="id" />
        <col class="task" />
        <col class="kind" />
        <col class="status" />
        <col class="changed" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th>ID</th>
          <th>Task</th>
          <th><span class="unseen">Mandatory or optional</span></th>
          <th>Status</th>
          <th>Last changed</th>
          <th>Reason or note</th>
        </tr>
      </thead>
      <tbody>
        ${w.tasks.map(taskRow)}
      </tbody>
    </table>
  </section>`;
}

const ANSWER = { enabled: 'Enabled', notPlanned: 'Not planned' } as const;

function outputRow(o: ReportOutput): Html {
  const answer = o.answer ? ANSWER[o.answer] : 'Not answered yet';
  const when = o.answer === 'enabled' && o.date ? ` on ${dayOf(o.date)}` : '';
  return html`<tr>
    <td>${o.area}</td>
    <td>${answer}${when}</td>
    <td>${o.reason ?? o.note}</td>
    <td>${changed(o.by, o.at)}</td>
  </tr>`;
}

/** The customer's read-only report of their engagement: whole, printable, with no script. */
export function reportPage(report: EngagementReport, csvUrl: string, asOf: Date): string {
  const { inputsOverride: override, signedOff, completion } = report;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${report.customerName}: security workshops report</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <p class="kicker">${report.playbookTitle}</p>
          <h1>${report.customerName}: security workshops report</h1>
          <p class="meta">
            As of ${dayOf(asOf.toISOString())}.
            <span class="screen"
              ><a href="${csvUrl}">Download the tasks and outputs (CSV)</a> · print this page from your browser to save
              it as a PDF.</span
            >
          </p>
        </header>
        <main>
          <section>
            <h2>Workshops</h2>
            ${report.workshops.map(workshop)}
          </section>
          <section>
            <h2>Key Inputs</h2>
            <ul>
              ${report.keyInputs.map((k) => html`<li>${k.input}: ${k.confirmedBy ? `confirmed by ${changed(k.confirmedBy, k.confirmedAt)}` : 'not confirmed'}</li>`)}
            </ul>
            ${override ? html`<p>${override.by} went ahead without the open Key Inputs on ${dayOf(override.at)}. Reason: ${override.reason}</p>` : ''}
          </section>
          <section>
            <h2>Key Outputs</h2>
            <table>
              <thead>
                <tr>
                  <th>Area</th>
                  <th>Answer</th>
                  <th>Reason or note</th>
                  <th>Answered by</th>
                </tr>
              </thead>
              <tbody>
                ${report.outputs.map(outputRow)}
              </tbody>
            </table>
          </section>
          <section class="notPlanned">
            <h2>The areas the customer doesn't plan to enable, and the reasons why</h2>
            ${
              report.notPlanned.length
                ? html`<table>
                    <thead>
                      <tr>
                        <th>Area</th>
                        <th>Why</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${report.notPlanned.map(
                        (n) =>
                          html`<tr>
                            <td>${n.area}</td>
                            <td>${n.reason}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
                : html`<p>None: the customer plans to enable every area answered so far.</p>`
            }
          </section>
          <section>
            <h2>Sign-off</h2>
            <p>${signedOff ? `Signed off by ${changed(signedOff.by, signedOff.at)}.` : 'Not signed off yet.'}</p>
          </section>
          <section>
            <h2>Next Step</h2>
            <p>
              ${completion ? `${completion.nextStep} (chosen by ${changed(completion.by, completion.at)})` : 'Not chosen yet.'}
            </p>
          </section>
        </main>
      </body>
    </html>`;
  return page.markup;
}

/** What a link that does not open a report shows: one short page, and nothing of any engagement. */
export function refusedPage(title: string, text: string): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p>${text}</p>
        </main>
      </body>
    </html>`.markup;
}
