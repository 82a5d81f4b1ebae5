/**
 * Words that carry no rules meaning: common English function words plus the filler of a typed
 * question ("would", "happens", "thanks"). Words with game meaning ("may", "each", "not", "all",
 * "any", "until", "can't") stay: the rules lean on them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again am an and are aren as at be because been before being below between both
  but by could couldn did didn do does doesn doing don down during few for from further had hadn has
  hasn have haven having he her here hers herself him himself his how i if im in into is isn it its
  itself ive just let lets me more most my myself no nor of off on once only or other ought our ours
  ourselves out over own same she should shouldn so some such than that thats the their theirs them
  themselves then there these they this those through to too up very was wasn we were weren
  what when where which while who whom why will with won would wouldn you your yours yourself
  yourselves also anyone anything really actually basically question questions thanks thank please
  happen happens happened happening wondering wonder understand understanding say says said tell
  know think thought seems seem like get gets getting got going go mtg magic gathering hi hello
  somebody someone something ve ll re d s t`.split(/\s+/),
);
