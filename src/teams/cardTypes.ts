/** The data each template in cards/ binds to: one type per template file. */
export interface WorkshopCardData {
  playbookTitle: string;
  name: string;
  primaryRole: string;
  appliesTo: string;
  mandatorySummary: string;
  tasks: { id: string; name: string; marker: 'Mandatory' | 'Optional'; role: string; services: string }[];
  footer: string;
}

export interface HelpCardData {
  intro: string;
  commands: { usage: string; description: string }[];
  howToAsk: string;
}

export interface WelcomeCardData {
  audience: string;
  playbooks: { title: string; workshops: string }[];
  howToStart: string;
}

export interface CardData {
  workshop: WorkshopCardData;
  help: HelpCardData;
  welcome: WelcomeCardData;
}

export type CardName = keyof CardData;
export const CARD_NAMES: readonly CardName[] = ['workshop', 'help', 'welcome'];
