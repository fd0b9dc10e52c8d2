export * from './items';
export * from './evaluate';
export * from './text';
