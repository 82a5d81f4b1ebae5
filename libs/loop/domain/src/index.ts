export type { LoopCard, LoopCardFace } from './lib/model/loop-card';
export type * from './lib/model/ability';
export type { Loop, LoopAnalysis, LoopStep, Outcome, FindLoopsOptions } from './lib/model/loop';
export { OUTCOMES } from './lib/model/loop';
export { parseCardAbilities, parsedAbilityShare } from './lib/parser/parse-card';
export { findLoops } from './lib/engine/find-loops';
export { ENGINE_VERSION } from './lib/engine-version';
export { resourceSignature, type ResourceSignature } from './lib/pool/resource-signature';
export {
  CardPoolSearch,
  DEFAULT_PER_SET_MS,
  findLoopsInCardPool,
  planCardPoolSearch,
  searchCardSet,
  setCards,
  type CardPoolAnalysis,
  type CardPoolOptions,
  type CardPoolPlan,
  type PlannedSearch,
  type SetSearch,
} from './lib/pool/card-pool';
export {
  findOneCardAway,
  oneCardAwaySettings,
  OneCardAwaySearch,
  searchOneCardAwaySet,
  type OneCardAway,
  type OneCardAwayOptions,
} from './lib/pool/one-card-away';
export { spreadSample, warmUpEngine } from './lib/pool/warm-up';
export * from './lib/decklist';
export * from './lib/report';
export * from './lib/analysis';
