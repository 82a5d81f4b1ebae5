/**
 * Keywords the loop engine gives meaning to, and keywords it only needs to recognise as read.
 * Loop-relevant ones change what the search may do (haste lets new tokens tap, persist and undying return creatures).
 */
export const LOOP_KEYWORDS = new Set([
  'haste', 'flash', 'persist', 'undying', 'evolve', 'adapt', 'lifelink', 'storm', 'magecraft', 'landfall', 'prowess',
  'indestructible', 'vigilance', 'infect', 'wither', 'modular', 'afterlife', 'fabricate', 'exploit', 'dash', 'blitz',
  'unearth', 'encore', 'myriad', 'riot', 'training', 'cascade', 'convoke', 'improvise', 'delve', 'affinity',
]);

/** Keywords that are whole lines of rules text ("Flying, haste", "Equip {2}", "Ward {1}"). */
export const KNOWN_KEYWORDS = new Set([
  ...LOOP_KEYWORDS,
  'flying', 'trample', 'reach', 'deathtouch', 'first strike', 'double strike', 'menace', 'hexproof', 'shroud', 'defender',
  'intimidate', 'fear', 'protection', 'ward', 'equip', 'enchant', 'kicker', 'multikicker', 'cycling', 'flashback',
  'buyback', 'cumulative upkeep', 'echo', 'morph', 'megamorph', 'disguise', 'suspend', 'madness', 'ninjutsu', 'crew',
  'changeling', 'devoid', 'emerge', 'escape', 'foretell', 'mutate', 'overload', 'replicate', 'retrace', 'jump-start',
  'aftermath', 'embalm', 'eternalize', 'bestow', 'partner', 'companion', 'split second', 'shadow', 'horsemanship',
  'landwalk', 'islandwalk', 'swampwalk', 'forestwalk', 'mountainwalk', 'plainswalk', 'banding', 'flanking', 'rampage',
  'bushido', 'ninjutsu', 'splice', 'entwine', 'offering', 'soulshift', 'transmute', 'bloodthirst', 'graft', 'ripple',
  'vanishing', 'fading', 'absorb', 'amplify', 'provoke', 'sunburst', 'epic', 'haunt', 'recover', 'forecast', 'hideaway',
  'champion', 'evoke', 'conspire', 'persist', 'wither', 'retrace', 'unearth', 'annihilator', 'level up', 'rebound',
  'totem armor', 'umbra armor', 'living weapon', 'battle cry', 'undaunted', 'extort', 'cipher', 'evolve', 'scavenge',
  'bloodrush', 'tribute', 'dethrone', 'outlast', 'prowess', 'dash', 'exploit', 'renown', 'awaken', 'ingest', 'surge',
  'skulk', 'investigate', 'crew', 'fabricate', 'partner with', 'aftermath', 'ascend', 'assist', 'afflict', 'mentor',
  'spectacle', 'riot', 'amass', 'proliferate', 'escape', 'boast', 'mutate', 'daybound', 'nightbound', 'disturb',
  'cleave', 'decayed', 'reconfigure', 'compleated', 'enlist', 'read ahead', 'ravenous', 'squad', 'toxic', 'backup',
  'bargain', 'craft', 'plot', 'saddle', 'offspring', 'impending', 'gift', 'exhaust', 'station', 'hexproof from',
  'forestcycling', 'islandcycling', 'swampcycling', 'mountaincycling', 'plainscycling', 'basic landcycling',
  'typecycling', 'landcycling', 'transfigure', 'reinforce', 'prototype', 'for mirrodin!', 'casualty', 'blitz', 'more than meets the eye',
  'freerunning', 'harmonize', 'mobilize', 'warp', 'sneak', 'max speed', 'start your engines!', 'solved',
]);
