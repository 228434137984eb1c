/** The part of autocannon 8's programmatic API that bench/slack.ts uses (the package ships no types). */
declare module 'autocannon' {
  type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    total: number
  }
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }
  type Options = { url: string; connections?: number; duration?: number; pipelining?: number; timeout?: number; requests?: Request[] }
  type Result = {
    requests: Histogram
    latency: Histogram
    /** Bytes read per second; `total` is every byte of every reply. */
    throughput: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
