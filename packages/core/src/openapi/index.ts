// filled in by the openapi module
export {};
