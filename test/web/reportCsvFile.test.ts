import { csvDownload } from '../../src/web/reportCsv';

describe("the report CSV's file name", () => {
  it('names the customer and the day, for each spreadsheet a FastTrack Manager downloads', () => {
    expect(csvDownload('Contoso', new Date('2026-12-04T10:00:00Z'))).toBe(
      `attachment; filename="Contoso security workshops report 2026-12-04.csv"; filename*=UTF-8''Contoso%20security%20workshops%20report%202026-12-04.csv`,
    );
  });

  it('keeps a name in any script for the browsers that read filename*, and a plain one for the rest', () => {
    expect(csvDownload('Müller & Söhne', new Date('2026-12-04T10:00:00Z'))).toBe(
      `attachment; filename="M_ller _ S_hne security workshops report 2026-12-04.csv"; filename*=UTF-8''M%C3%BCller%20%26%20S%C3%B6hne%20security%20workshops%20report%202026-12-04.csv`,
    );
  });

  it('lets nothing a person typed end the header, quote the name or leave the download folder', () => {
    const header = csvDownload('Evil"\r\nSet-Cookie: a=b; ../../x', new Date('2026-12-04T10:00:00Z'));
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"\\/]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+^`|~.%_-]+$/);
  });
});
