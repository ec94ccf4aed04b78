// The stream blueprint; filled in by its owner.
export {};
