// The kernel configuration every base is built with (x86-64: CONFIG_64BIT, CONFIG_HAVE_FAST_GUP,
// named CONFIG_HAVE_GUP_FAST from 6.9, CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD, and
// CONFIG_PGTABLE_HAS_HUGE_LEAVES, which THP selects):
// device-exclusive entries need CONFIG_DEVICE_PRIVATE; THP and MMU notifiers are on;
// CONFIG_DEBUG_VM is on, so VM_BUG_ON() and VM_BUG_ON_PAGE() are live (as in the debug kernels
// the hmm selftests run on). CONFIG_DEBUG_VM_PGFLAGS is off (thp_nr_pages() does not assert on
// tail pages); so are CONFIG_MEM_SOFT_DIRTY, CONFIG_LOCKDEP, CONFIG_PTE_MARKER_UFFD_WP,
// CONFIG_NUMA_BALANCING and CONFIG_X86_USER_SHADOW_STACK.
export const MODEL_CONFIG: string[] = [
  'CONFIG_64BIT',
  'CONFIG_MMU',
  'CONFIG_MMU_NOTIFIER',
  'CONFIG_TRANSPARENT_HUGEPAGE',
  'CONFIG_DEVICE_PRIVATE',
  'CONFIG_DEBUG_VM',
  'CONFIG_HAVE_FAST_GUP',
  'CONFIG_HAVE_GUP_FAST',
  'CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD',
  'CONFIG_PGTABLE_HAS_HUGE_LEAVES',
];
