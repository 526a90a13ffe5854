import type { Engagement, Person } from '../../domain/types';
import { holdsRole, MANAGER_ROLE } from '../../domain/people';
import type { ReportCardData } from './cardTypes';
import { customer, possessive, type Viewer } from './format';

/** The report card: what the link opens, how long it works, and who may revoke it. */
export function reportCardView(engagement: Engagement, url: string, viewer: Viewer, notice = ''): ReportCardData {
  const mayRevoke = (person: Person) => holdsRole(engagement, person, MANAGER_ROLE);
  return {
    title: `${possessive(customer(engagement.customerName))} engagement report`,
    text:
      'A read-only page of the workshops, every task, the Key Inputs and Key Outputs, the areas not planned with ' +
      'their reasons, the sign-off and the Next Step. It prints to PDF and exports to CSV. The link works for 7 days; ' +
      'anyone who has it can open the report.',
    notice,
    url,
    canRevoke: viewer.person !== undefined && mayRevoke(viewer.person),
    engagementId: engagement.id,
  };
}
