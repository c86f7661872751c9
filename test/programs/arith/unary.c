#include "lib/print.h"
int main(void) {
  i32 a = 5; showI32("-a", -a); showI32("~a", ~a); showI32("+a", +a); showBool("!a", !a);
  i32 z = 0; showBool("!z", !z);
  u32 u = 1; showU32("-u", -u); showU32("~u", ~u);
  u8 b = 1; showI32("~b", ~b); showI32("-b", -b); showI32("--5", -(-5)); showBool("!!a", !!a);
  return 0;
}
