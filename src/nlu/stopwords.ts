/**
 * Function words that say nothing about the topic of a question. Negations and question words are NOT here:
 * "werkt niet" and "hoe lang" carry meaning for the intent classifier.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // Dutch
  'de', 'het', 'een', 'en', 'van', 'ik', 'je', 'jij', 'u', 'uw', 'mijn', 'me', 'mij', 'we', 'wij', 'ons', 'onze',
  'is', 'ben', 'bent', 'zijn', 'was', 'waren', 'heb', 'hebt', 'heeft', 'hebben', 'had', 'dat', 'die', 'dit', 'deze',
  'er', 'in', 'op', 'aan', 'te', 'om', 'voor', 'met', 'bij', 'naar', 'uit', 'of', 'als', 'dan', 'maar', 'ook',
  'wel', 'toch', 'even', 'eens', 'graag', 'zo', 'hoor', 'nou', 'dus', 'hier', 'daar', 'moet', 'moeten', 'kan', 'kun',
  'kunt', 'kunnen', 'wil', 'wilt', 'willen', 'zal', 'zou', 'zouden', 'wordt', 'word', 'worden', 'mag', 'mogen', 'ze',
  'zij', 'hij', 'ie', 'jullie', 'jouw', 'jou', 'men', 'die', 'nu', 'zelf', 'welk', 'iets', 'doe', 'doen',
  // English
  'the', 'a', 'an', 'and', 'of', 'i', 'you', 'your', 'my', 'me', 'we', 'our', 'us', 'is', 'am', 'are', 'was', 'were',
  'be', 'been', 'have', 'has', 'had', 'do', 'does', 'did', 'that', 'this', 'these', 'those', 'there', 'on', 'at',
  'to', 'for', 'with', 'by', 'from', 'or', 'if', 'then', 'but', 'also', 'just', 'please', 'so', 'it', 'its', 'can',
  'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'im', 'ive', 'get', 'got', 'some', 'any',
  'about', 'into',
]);
