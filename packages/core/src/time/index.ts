// filled in by the time module
export {};
