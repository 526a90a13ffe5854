import { saveSettings } from '../../app/engagementSetup';
import { settingsSaved } from '../views/notices';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { editableSettings, settingsMessage } from '../turn/settingsForm';
import { settingsFromInputs } from './settingsInput';
import type { CardAction } from './types';
import { viewerOf } from '../turn/turnFacts';

/** Posts the settings form as a new message, so the summary card stays a summary for everyone. */
export const openSettingsAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    await turn.sendActivity(await settingsMessage(turn, deps, engagement, actor));
    return { kind: 'card', card: cards.views.summary(engagement, viewerOf(turn)) };
  },
};

export const saveSettingsAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    const { value: current } = await engagementOfAction(turn, deps, data);
    const { playbook, members } = await editableSettings(turn, deps, current, actor);
    const saved = await saveSettings(deps, playbook, current.id, settingsFromInputs(data, playbook, members), actor);
    cards.changed(saved.value, { kind: 'settings' });
    await deps.people.enrol(saved.value);
    return { kind: 'card', card: deps.renderer.card('notice', settingsSaved(actor, saved.value)) };
  },
};

/** The Refresh of summary cards posted before every card's Refresh became `card.refresh`. */
export const refreshSummaryAction: CardAction = {
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    return { kind: 'card', card: cards.views.summary(engagement, viewerOf(turn)) };
  },
};
