/** The few parts of autocannon 9 (which ships no types) that the benchmark uses. */
declare module "autocannon" {
  namespace autocannon {
    interface Histogram {
      readonly average: number;
      readonly p50: number;
      readonly p99: number;
    }
    interface Result {
      readonly requests: Histogram;
      readonly latency: Histogram;
      /** Bytes per second read from the server (headers and bodies). */
      readonly throughput: Histogram;
      readonly errors: number;
      readonly non2xx: number;
    }
    interface Options {
      readonly url: string;
      readonly method?: string;
      readonly headers?: Record<string, string>;
      readonly body?: string;
      readonly connections?: number;
      readonly duration?: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
