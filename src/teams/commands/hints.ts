export const NO_ENGAGEMENT =
  'This channel has no engagement yet. Type **workshops** to see the playbook and set one up.';
