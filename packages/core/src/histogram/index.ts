export { RELATIVE_ACCURACY, MIN_VALUE, MIN_BIN, binOf, binValue } from './log-bins.js';
export {
  emptyHistogram,
  addToHistogram,
  mergeInto,
  mergeHistograms,
  histogramCount,
  type Histogram,
} from './histogram.js';
export { quantile, quantiles } from './quantile.js';
