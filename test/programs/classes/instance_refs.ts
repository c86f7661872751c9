// Instances are references: passing one to a function lets it write the fields; == compares addresses.
import { showI32, showBool } from "../lib/print";

@unmanaged
class Account {
  balance: i32;
  id: u16;
}

const alice = new Account();
const bob = new Account();

function transfer(from: Account, to: Account, amount: i32): bool {
  if (from == to || from.balance < amount) return false;
  from.balance -= amount;
  to.balance += amount;
  return true;
}

export function main(): i32 {
  alice.balance = 100;
  bob.balance = 20;
  showBool("t1", transfer(alice, bob, 70));
  showBool("t2", transfer(alice, bob, 70));
  showBool("self", transfer(bob, bob, 1));
  showI32("alice", alice.balance);
  showI32("bob", bob.balance);
  const other: Account = alice;
  showBool("same", other == alice);
  showBool("diff", other != bob);
  return 0;
}
