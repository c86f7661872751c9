// bool globals and bool locals: flags toggled and combined.
import { showBool } from "../lib/print";

let enabled: bool = false;
let ready: bool;

function toggle(): void {
  enabled = !enabled;
}

export function main(): i32 {
  toggle();
  showBool("enabled", enabled);
  ready = enabled && !ready;
  showBool("ready", ready);
  toggle();
  showBool("both", enabled && ready);
  showBool("either", enabled || ready);
  showBool("neq", enabled != ready);
  return 0;
}
