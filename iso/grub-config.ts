// The grub.cfg an image gets unless --grub-cfg replaces it: no menu wait, one entry that
// loads the kernel with `multiboot`. It sets no graphical terminal or video mode, so GRUB
// stays in text mode and a headless run (serial only) is not slowed by a menu.

/** Where the kernel and the configuration are in the image (the names GRUB uses). */
export const KERNEL_PATH = "boot/kernel.elf";
export const GRUB_CFG_PATH = "boot/grub/grub.cfg";
/** GRUB's El Torito core image, shown in the tree where grub-mkrescue puts it. */
export const BOOT_IMAGE_PATH = "boot/grub/i386-pc/eltorito.img";

export function defaultGrubConfig(title = "kernel"): string {
  return [
    "set timeout=0",
    "set default=0",
    "",
    `menuentry "${title.replace(/["\\$]/g, "")}" {`,
    `  multiboot /${KERNEL_PATH}`,
    "}",
    "",
  ].join("\n");
}
