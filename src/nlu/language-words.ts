/**
 * Words that tell Dutch from English. Words both languages use ("in", "is", "was", "of", "we", "me", "over")
 * are left out on purpose: they would vote for the wrong language half the time.
 */
export const DUTCH_WORDS: ReadonlySet<string> = new Set([
  'de', 'het', 'een', 'en', 'ik', 'je', 'jij', 'u', 'uw', 'mijn', 'mij', 'wij', 'ons', 'onze', 'jullie', 'zij', 'hij',
  'ben', 'bent', 'zijn', 'heb', 'hebt', 'heeft', 'hebben', 'waren', 'dat', 'dit', 'deze', 'die', 'er', 'op', 'aan',
  'te', 'om', 'voor', 'met', 'bij', 'naar', 'uit', 'als', 'dan', 'maar', 'ook', 'nog', 'al', 'wel', 'toch', 'even',
  'graag', 'zo', 'hoor', 'nou', 'dus', 'hier', 'daar', 'moet', 'moeten', 'kan', 'kun', 'kunt', 'kunnen', 'wil', 'wilt',
  'willen', 'zal', 'zou', 'wordt', 'worden', 'mag', 'niet', 'geen', 'nooit', 'hoe', 'wat', 'waar', 'wanneer', 'welke',
  'welk', 'wie', 'waarom', 'ja', 'nee', 'neen', 'jazeker', 'klopt', 'bedankt', 'dank', 'dankjewel', 'dankuwel', 'hoi',
  'goedemorgen', 'goedemiddag', 'alsjeblieft', 'alstublieft', 'sorry', 'werkt', 'krijg', 'weet', 'heel', 'veel',
  'iets', 'niks', 'niets', 'nu', 'meer', 'waarmee', 'waarvoor', 'welkom', 'doe', 'doen', 'gaat', 'gaan', 'ga', 'kom',
  'komt', 'zie', 'zien', 'staat', 'mee', 'tot', 'na', 'omdat', 'sinds', 'nodig', 'moeilijk', 'vraag',
  'vragen', 'tweede', 'eerste', 'laatste', 'twee', 'drie', 'helaas', 'prima', 'oke', 'svp', 'aub', 'hallo',
]);

export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'i', 'you', 'your', 'my', 'our', 'are', 'am', 'be', 'been', 'have', 'has', 'do', 'does',
  'did', 'that', 'this', 'these', 'those', 'there', 'on', 'at', 'to', 'for', 'with', 'from', 'if', 'then', 'but',
  'also', 'just', 'please', 'it', 'its', 'can', 'could', 'would', 'should', 'will', 'not', 'no', 'never', 'how',
  'what', 'where', 'when', 'which', 'who', 'why', 'yes', 'yep', 'yeah', 'nope', 'thanks', 'thank', 'hello', 'hi',
  'hey', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'wont', 'isnt', 'im', 'ive', 'get', 'got', 'still', 'yet',
  'need', 'want', 'work', 'works', 'working', 'know', 'any', 'some', 'much', 'long', 'about', 'after', 'again',
  'now', 'second', 'first', 'last', 'one', 'two', 'three', 'sure', 'receive', 'received', 'forgot',
]);

/** Words both languages use in this domain: they say nothing about the language of a message. */
export const NEUTRAL_WORDS: ReadonlySet<string> = new Set([
  'traces', 'nt', 'eulogin', 'ecas', 'coi', 'cois', 'skal', 'account', 'accounts', 'email', 'adres', 'login', 'url',
  '2fa', 'sms', 'app', 'pin', 'qr', 'eid', 'operator', 'captcha', 'code', 'link', 'helpdesk', 'admin', 'status',
  'spam', 'menu', 'help', 'stop', 'reset', 'tracesnt', 'pdf', 'digid', 'passkey', 'token', 'browser', 'chrome',
  'online', 'website', 'site', 'webgate', 'ok', 'oke', 'okay', 'nl', 'eu', 'europa', 'ec', 'id',
]);
