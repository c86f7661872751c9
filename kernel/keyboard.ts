// keyboard.ts -- PS/2 keyboard on IRQ 1, echoing what is typed.
//
// The controller hands us one scancode (set 1) per interrupt at port 0x60: a
// key press sends its make code, a release the same code with bit 7 set. We
// track Shift and Caps Lock, translate presses of printable keys through the
// US layout tables below and write the character to the console.

import { console_putc, console_writeln } from "./console.js";
import { interrupt_register_handler } from "./interrupts.js";
import { IRQ_BASE_VECTOR, pic_unmask } from "./pic.js";

const KBD_DATA: u16 = 0x60;
const KBD_STATUS: u16 = 0x64;
const KBD_STATUS_OUTPUT_FULL: u8 = 0x01;
const KEYBOARD_IRQ: u32 = 1;

const SCANCODE_RELEASE: u32 = 0x80;
const SCANCODE_LEFT_SHIFT: u32 = 0x2A;
const SCANCODE_RIGHT_SHIFT: u32 = 0x36;
const SCANCODE_CAPS_LOCK: u32 = 0x3A;

// Scancode set 1 -> character, indexed by make code 0x00..0x39; 0 = no character
// (Escape, Ctrl, Shift, Alt). Backspace, Tab and Enter map to \b, \t, \n.
const KEYMAP_PLAIN =
  "\x00\x001234567890-=\b\tqwertyuiop[]\n\x00asdfghjkl;'`\x00\\zxcvbnm,./\x00*\x00 ";
const KEYMAP_SHIFTED =
  "\x00\x00!@#$%^&*()_+\b\tQWERTYUIOP{}\n\x00ASDFGHJKL:\"~\x00|ZXCVBNM<>?\x00*\x00 ";

let shift_held: bool = false;
let caps_lock: bool = false;

function is_letter(c: u32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The character a make code types in the current Shift/Caps state, or 0. */
function translate(scancode: u32): u32 {
  if (scancode >= u32(KEYMAP_PLAIN.length)) return 0;
  const plain: u32 = u32(KEYMAP_PLAIN.charCodeAt(scancode));
  // Caps Lock inverts Shift, for letters only.
  let shifted: bool = shift_held;
  if (caps_lock && is_letter(plain)) shifted = !shifted;
  if (shifted) return u32(KEYMAP_SHIFTED.charCodeAt(scancode));
  return plain;
}

function keyboard_handler(_frame: usize): void {
  const scancode: u32 = inb(KBD_DATA);
  if ((scancode & SCANCODE_RELEASE) != 0) {
    const released: u32 = scancode & ~SCANCODE_RELEASE;
    if (released == SCANCODE_LEFT_SHIFT || released == SCANCODE_RIGHT_SHIFT) shift_held = false;
    return;
  }
  if (scancode == SCANCODE_LEFT_SHIFT || scancode == SCANCODE_RIGHT_SHIFT) {
    shift_held = true;
    return;
  }
  if (scancode == SCANCODE_CAPS_LOCK) {
    caps_lock = !caps_lock;
    return;
  }
  const c: u32 = translate(scancode);
  if (c != 0) console_putc(u8(c));
}

export function keyboard_init(): void {
  // Drop whatever the controller buffered before we listened (keys pressed at the GRUB prompt).
  while ((inb(KBD_STATUS) & KBD_STATUS_OUTPUT_FULL) != 0) {
    inb(KBD_DATA);
  }
  interrupt_register_handler(IRQ_BASE_VECTOR + KEYBOARD_IRQ, keyboard_handler);
  pic_unmask(KEYBOARD_IRQ);
  console_writeln("Keyboard: IRQ1 handler installed");
}
