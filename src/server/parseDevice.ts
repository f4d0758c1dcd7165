// The server parses each session's device once, with the kit's one parser, so rows arrive with `device`
// and the browser never needs a parser.
export { parseUserAgent as parseDevice } from '../userAgent/parseUserAgent.js';
