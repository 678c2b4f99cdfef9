// The plain data that flows from discovery through scanning to views, reports and policy.
// The bottom layer: these files import nothing outside model/.
export * from './kinds';
export * from './finding';
export * from './target';
export * from './policy';
export * from './config';
export * from './imports';
