// Naming the function that issued an invalidation, from a notifier record's stack.

/** The caller of the range_start wrapper, with the two frames above it: "__split_huge_pmd (from split_huge_pmd_address in page_make_device_exclusive_one)". */
export function issuer(stack: string[]): string {
  const i = stack.lastIndexOf('mmu_notifier_invalidate_range_start');
  const at = i > 0 ? i - 1 : stack.length - 1;
  const chain = stack.slice(Math.max(0, at - 2), at + 1).reverse();
  return chain.length ? `${chain[0]}${chain.length > 1 ? ` (from ${chain.slice(1).join(' in ')})` : ''}` : '?';
}
