export * from "./validate.ts";
