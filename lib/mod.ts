export * from "./validate.ts";
export * from "./display.ts";
export * from "./plot.ts";
