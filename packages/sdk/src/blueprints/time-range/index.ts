// The time-range blueprint; filled in by its owner.
export {};
