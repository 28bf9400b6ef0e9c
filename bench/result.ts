export interface BenchResult {
  name: string;
  unit: string;
  value: number;
}
