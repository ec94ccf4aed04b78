// The object-storage blueprint; filled in by its owner.
export {};
