export * from "./validate.ts";
export * from "./display.ts";
export * from "./plot.ts";
export * from "./distributions.ts";
export * from "./losses.ts";
export * from "./optim.ts";
export * from "./linalg.ts";
export * from "./simulate.ts";
