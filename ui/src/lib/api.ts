// The only module the screens import to talk to Rust: the generated function per command
// (commands.ts, from the Rust signatures) and the error type they throw.
export { ApiError, toApiError } from "./ipc";
export * from "./commands";
