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
  findOneCardAway,
  planCardPoolSearch,
  searchCardSet,
  type CardPoolAnalysis,
  type CardPoolOptions,
  type CardPoolPlan,
  type OneCardAway,
} from './lib/pool/card-pool';
export * from './lib/decklist';
export * from './lib/report';
export * from './lib/analysis';
