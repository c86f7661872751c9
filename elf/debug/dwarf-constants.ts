// The DWARF numbers ts386 writes (compiler/debug) and reads (elf/debug): DWARF 4 units,
// a version 4 line program, .debug_aranges version 2, .debug_frame CIE version 1.

export const DW_TAG_compile_unit = 0x11;
export const DW_TAG_subprogram = 0x2e;
export const DW_TAG_formal_parameter = 0x05;
export const DW_TAG_variable = 0x34;
export const DW_TAG_base_type = 0x24;

export const DW_CHILDREN_no = 0;
export const DW_CHILDREN_yes = 1;

export const DW_AT_name = 0x03;
export const DW_AT_stmt_list = 0x10;
export const DW_AT_low_pc = 0x11;
export const DW_AT_high_pc = 0x12;
export const DW_AT_language = 0x13;
export const DW_AT_comp_dir = 0x1b;
export const DW_AT_producer = 0x25;
export const DW_AT_prototyped = 0x27;
export const DW_AT_byte_size = 0x0b;
export const DW_AT_encoding = 0x3e;
export const DW_AT_external = 0x3f;
export const DW_AT_frame_base = 0x40;
export const DW_AT_decl_file = 0x3a;
export const DW_AT_decl_line = 0x3b;
export const DW_AT_type = 0x49;
export const DW_AT_location = 0x02;

export const DW_FORM_addr = 0x01;
export const DW_FORM_data2 = 0x05;
export const DW_FORM_data4 = 0x06;
export const DW_FORM_data8 = 0x07;
export const DW_FORM_string = 0x08;
export const DW_FORM_block = 0x09;
export const DW_FORM_block1 = 0x0a;
export const DW_FORM_data1 = 0x0b;
export const DW_FORM_flag = 0x0c;
export const DW_FORM_sdata = 0x0d;
export const DW_FORM_strp = 0x0e;
export const DW_FORM_udata = 0x0f;
export const DW_FORM_ref4 = 0x13;
export const DW_FORM_sec_offset = 0x17;
export const DW_FORM_exprloc = 0x18;
export const DW_FORM_flag_present = 0x19;

/** C99: gdb evaluates expressions over our integers with C rules, which are the language's. */
export const DW_LANG_C99 = 0x0c;
export const DW_ATE_signed = 0x05;
export const DW_ATE_unsigned = 0x08;
export const DW_ATE_boolean = 0x02;

export const DW_OP_call_frame_cfa = 0x9c;
export const DW_OP_fbreg = 0x91;
export const DW_OP_reg0 = 0x50;

// Line program opcodes.
export const DW_LNS_copy = 1;
export const DW_LNS_advance_pc = 2;
export const DW_LNS_advance_line = 3;
export const DW_LNS_set_file = 4;
export const DW_LNS_set_column = 5;
export const DW_LNS_negate_stmt = 6;
export const DW_LNS_set_basic_block = 7;
export const DW_LNS_const_add_pc = 8;
export const DW_LNS_fixed_advance_pc = 9;
export const DW_LNS_set_prologue_end = 10;
export const DW_LNS_set_epilogue_begin = 11;
export const DW_LNS_set_isa = 12;
export const DW_LNE_end_sequence = 1;
export const DW_LNE_set_address = 2;
export const DW_LNE_define_file = 3;
/** Operand counts of the standard opcodes 1..12 (the header's standard_opcode_lengths). */
export const STANDARD_OPCODE_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];
export const LINE_BASE = -5;
export const LINE_RANGE = 14;
export const OPCODE_BASE = 13;

// Call frame instructions.
export const DW_CFA_advance_loc4 = 0x04;
export const DW_CFA_def_cfa = 0x0c;
export const DW_CFA_def_cfa_offset = 0x0e;
export const DW_CFA_offset = 0x80; // | register, operand: factored offset
export const DW_CFA_nop = 0x00;

/** DWARF register numbers on i386 (the System V psABI). */
export const DWARF_REG: Record<string, number> = { eax: 0, ecx: 1, edx: 2, ebx: 3, esp: 4, ebp: 5, esi: 6, edi: 7, eip: 8 };

// Static storage (module-level variables and StaticArrays).
export const DW_TAG_array_type = 0x01;
export const DW_TAG_subrange_type = 0x21;
export const DW_AT_upper_bound = 0x2f;
export const DW_OP_addr = 0x03;

// @unmanaged classes: structures, reached through pointers (a class value is an address).
export const DW_TAG_structure_type = 0x13;
export const DW_TAG_member = 0x0d;
export const DW_TAG_pointer_type = 0x0f;
export const DW_AT_data_member_location = 0x38;
