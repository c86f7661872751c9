// serial.ts -- console driver for the first serial port (COM1, 16550 UART).
//
// 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on, no UART
// interrupts: we poll the line status register before each byte. Newlines go
// out as CR LF so that a terminal on the other end starts at column 0.

const COM1_DATA: u16 = 0x3F8; // transmit/receive buffer; divisor low byte when DLAB=1
const COM1_IER: u16 = 0x3F9; // interrupt enable; divisor high byte when DLAB=1
const COM1_FCR: u16 = 0x3FA; // FIFO control
const COM1_LCR: u16 = 0x3FB; // line control
const COM1_MCR: u16 = 0x3FC; // modem control
const COM1_LSR: u16 = 0x3FD; // line status

const LCR_DLAB: u8 = 0x80; // divisor latch access
const LCR_8N1: u8 = 0x03;
const FCR_ENABLE_CLEAR_14: u8 = 0xC7; // enable and clear FIFOs, 14-byte threshold
const MCR_DTR_RTS_OUT2: u8 = 0x0B;
const LSR_THR_EMPTY: u8 = 0x20; // transmitter holding register empty

export function serial_init(): void {
  outb(COM1_IER, 0x00); // no UART interrupts
  outb(COM1_LCR, LCR_DLAB);
  outb(COM1_DATA, 0x01); // divisor 1: 115200 baud
  outb(COM1_IER, 0x00);
  outb(COM1_LCR, LCR_8N1);
  outb(COM1_FCR, FCR_ENABLE_CLEAR_14);
  outb(COM1_MCR, MCR_DTR_RTS_OUT2);
}

function serial_send(c: u8): void {
  while ((inb(COM1_LSR) & LSR_THR_EMPTY) == 0) {
    pause();
  }
  outb(COM1_DATA, c);
}

export function serial_putc(c: u8): void {
  if (c == 10) {
    serial_send(13);
  }
  serial_send(c);
}
