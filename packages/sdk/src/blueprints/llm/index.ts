// The llm blueprint; filled in by its owner.
export {};
