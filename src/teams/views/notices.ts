import { DELETION_REQUEST_MS } from '../../domain/deletion';
import type { Engagement, Person } from '../../domain/types';
import type { ConfirmDeleteCardData, NoticeCardData } from './cardTypes';
import { customer, fitted, personName, possessive } from './format';

/** The card `delete engagement` posts: it names the customer, and only the person who asked may confirm. */
export function confirmDeleteView(engagement: Engagement, actor: Person, requestId: string): ConfirmDeleteCardData {
  const customerName = customer(engagement.customerName);
  return {
    engagementId: engagement.id,
    requestId,
    customerName,
    customerPossessive: possessive(customerName),
    text:
      `This deletes everything I keep about ${possessive(customerName)} engagement: tasks, Key Inputs and Outputs, ` +
      'settings and the whole history. It cannot be undone. The cards in this channel will say it was deleted. ' +
      `Only ${personName(actor)} can confirm, within ${DELETION_REQUEST_MS / 60_000} minutes.`,
    deleteTitle: `Delete ${possessive(fitted(engagement.customerName, 80))} data`,
  };
}

export const engagementDeleted = (actor: Person, engagement: Engagement): NoticeCardData => ({
  title: 'Engagement deleted',
  text: `${personName(actor)} deleted all of ${possessive(customer(engagement.customerName))} engagement data, its history included.`,
});

export const engagementKept = (actor: Person, engagement: Engagement): NoticeCardData => ({
  title: 'Nothing deleted',
  text: `${personName(actor)} kept ${possessive(customer(engagement.customerName))} engagement. Nothing was deleted.`,
});

export const settingsSaved = (actor: Person, engagement: Engagement): NoticeCardData => ({
  title: 'Settings saved',
  text: `${personName(actor)} saved the settings for ${customer(engagement.customerName)}. The workshop cards are up to date.`,
});
