// newsmark-text.js: the <newsmark-text> class without defining it (choose the tag yourself).
export { NewsmarkText } from './newsmark.js';
