export interface LoopView {
  cards: string[];
  outcomes: string[];
  mana_colors: string[];
  mandatory: boolean;
  requires: string[];
  steps: Array<{ card: string; ability: string; effect: string }>;
  net_per_iteration: Record<string, number | string>;
}

export interface LoopReport {
  cards: string[];
  unknown_cards: Array<{ name: string; candidates: string[] }>;
  unparsed: Array<{ card: string; text: string }>;
  loops: LoopView[];
  one_card_away: Array<{ card: string; with: string[]; outcomes: string[] }>;
  exhausted: boolean;
  took_ms: number;
}

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AnalysisView {
  id: string;
  kind: 'cards' | 'deck';
  title: string;
  status: AnalysisStatus;
  progress: number;
  report: LoopReport | null;
  decklist_problems?: Array<{ line: number; text: string; reason: string }>;
  error: string | null;
  created_at: string;
}

export interface AnalysisSummary {
  id: string;
  kind: 'cards' | 'deck';
  title: string;
  status: AnalysisStatus;
  loops: number;
  created_at: string;
}
