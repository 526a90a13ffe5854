export interface Link {
  title: string;
  href: string;
}

export interface NextStep {
  text: string;
  links: Link[];
}

export interface RefreshEntry {
  date: string;
  who: string;
  what: string;
}

export interface FtopTask {
  id: string;
  name: string;
  mandatory: boolean;
  role: string;
  services: string[];
  workshop: string;
}

export interface Workshop {
  name: string;
  primaryRole: string;
  motions: string[];
  appliesTo: string[];
  description: string;
  successCriteria: string[];
  tasks: FtopTask[];
}

export interface Playbook {
  id: string;
  file: string;
  version: string;
  title: string;
  phase: string;
  motions: string[];
  objectives: string[];
  keyInputs: string[];
  keyOutputs: string[];
  nextSteps: NextStep[];
  refreshSummary: RefreshEntry[];
  workshops: Workshop[];
  roles: string[];
  services: string[];
}
