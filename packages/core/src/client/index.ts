// filled in by the client module
export {};
