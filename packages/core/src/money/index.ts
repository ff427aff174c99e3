// filled in by the money module
export {};
