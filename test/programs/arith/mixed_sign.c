#include "lib/print.h"
int main(void) {
  i32 m = -1; u32 one = 1;
  showBool("-1<1u", m < one); showU32("m+one", m + one); showU32("m*one", m * one); showU32("m/one", m / one);
  i32 small = -8; showU32("small>>1 mixed", (small + one - one) >> 1); showI32("signed", small >> 1);
  showBool("m==0xffffffff", (u32)m == 0xFFFFFFFFu);
  return 0;
}
