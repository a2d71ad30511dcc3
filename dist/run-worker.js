import { createRequire as __lkmlReplayCreateRequire } from 'node:module';
const require = __lkmlReplayCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err2) => function __init() {
  if (err2) throw err2[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err2 = [e], e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};

// node_modules/web-tree-sitter/tree-sitter.js
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
function setModule(module2) {
  C = module2;
}
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare2 = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare2(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare2(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue2 = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue2, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue2, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
function checkModule() {
  return !!Module3;
}
var __defProp2, __name, SIZE_OF_SHORT, SIZE_OF_INT, SIZE_OF_CURSOR, SIZE_OF_NODE, SIZE_OF_POINT, SIZE_OF_RANGE, ZERO_POINT, INTERNAL, C, LookaheadIterator, Tree, TreeCursor, Node, PREDICATE_STEP_TYPE_CAPTURE, PREDICATE_STEP_TYPE_STRING, QUERY_WORD_REGEX, CaptureQuantifier, isCaptureStep, isStringStep, QueryErrorKind, QueryError, Query, LANGUAGE_FUNCTION_REGEX, Language, Module2, tree_sitter_default, Module3, TRANSFER_BUFFER, LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION, Parser;
var init_tree_sitter = __esm({
  "node_modules/web-tree-sitter/tree-sitter.js"() {
    __defProp2 = Object.defineProperty;
    __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
    SIZE_OF_SHORT = 2;
    SIZE_OF_INT = 4;
    SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
    SIZE_OF_NODE = 5 * SIZE_OF_INT;
    SIZE_OF_POINT = 2 * SIZE_OF_INT;
    SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
    ZERO_POINT = { row: 0, column: 0 };
    INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
    __name(assertInternal, "assertInternal");
    __name(isPoint, "isPoint");
    __name(setModule, "setModule");
    LookaheadIterator = class {
      static {
        __name(this, "LookaheadIterator");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for WASM
      /** @internal */
      language;
      /** @internal */
      constructor(internal, address, language) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
      }
      /** Get the current symbol of the lookahead iterator. */
      get currentTypeId() {
        return C._ts_lookahead_iterator_current_symbol(this[0]);
      }
      /** Get the current symbol name of the lookahead iterator. */
      get currentType() {
        return this.language.types[this.currentTypeId] || "ERROR";
      }
      /** Delete the lookahead iterator, freeing its resources. */
      delete() {
        C._ts_lookahead_iterator_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Reset the lookahead iterator.
       *
       * This returns `true` if the language was set successfully and `false`
       * otherwise.
       */
      reset(language, stateId) {
        if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
          this.language = language;
          return true;
        }
        return false;
      }
      /**
       * Reset the lookahead iterator to another state.
       *
       * This returns `true` if the iterator was reset to the given state and
       * `false` otherwise.
       */
      resetState(stateId) {
        return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
      }
      /**
       * Returns an iterator that iterates over the symbols of the lookahead iterator.
       *
       * The iterator will yield the current symbol name as a string for each step
       * until there are no more symbols to iterate over.
       */
      [Symbol.iterator]() {
        return {
          next: /* @__PURE__ */ __name(() => {
            if (C._ts_lookahead_iterator_next(this[0])) {
              return { done: false, value: this.currentType };
            }
            return { done: true, value: "" };
          }, "next")
        };
      }
    };
    __name(getText, "getText");
    Tree = class _Tree {
      static {
        __name(this, "Tree");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for WASM
      /** @internal */
      textCallback;
      /** The language that was used to parse the syntax tree. */
      language;
      /** @internal */
      constructor(internal, address, language, textCallback) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        this.textCallback = textCallback;
      }
      /** Create a shallow copy of the syntax tree. This is very fast. */
      copy() {
        const address = C._ts_tree_copy(this[0]);
        return new _Tree(INTERNAL, address, this.language, this.textCallback);
      }
      /** Delete the syntax tree, freeing its resources. */
      delete() {
        C._ts_tree_delete(this[0]);
        this[0] = 0;
      }
      /** Get the root node of the syntax tree. */
      get rootNode() {
        C._ts_tree_root_node_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Get the root node of the syntax tree, but with its position shifted
       * forward by the given offset.
       */
      rootNodeWithOffset(offsetBytes, offsetExtent) {
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, offsetBytes, "i32");
        marshalPoint(address + SIZE_OF_INT, offsetExtent);
        C._ts_tree_root_node_with_offset_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Edit the syntax tree to keep it in sync with source code that has been
       * edited.
       *
       * You must describe the edit both in terms of byte offsets and in terms of
       * row/column coordinates.
       */
      edit(edit) {
        marshalEdit(edit);
        C._ts_tree_edit_wasm(this[0]);
      }
      /** Create a new {@link TreeCursor} starting from the root of the tree. */
      walk() {
        return this.rootNode.walk();
      }
      /**
       * Compare this old edited syntax tree to a new syntax tree representing
       * the same document, returning a sequence of ranges whose syntactic
       * structure has changed.
       *
       * For this to work correctly, this syntax tree must have been edited such
       * that its ranges match up to the new tree. Generally, you'll want to
       * call this method right after calling one of the [`Parser::parse`]
       * functions. Call it on the old tree that was passed to parse, and
       * pass the new tree that was returned from `parse`.
       */
      getChangedRanges(other) {
        if (!(other instanceof _Tree)) {
          throw new TypeError("Argument must be a Tree");
        }
        C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the included ranges that were used to parse the syntax tree. */
      getIncludedRanges() {
        C._ts_tree_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
    };
    TreeCursor = class _TreeCursor {
      static {
        __name(this, "TreeCursor");
      }
      /** @internal */
      // @ts-expect-error: never read
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      // @ts-expect-error: never read
      [1] = 0;
      // Internal handle for Wasm
      /** @internal */
      // @ts-expect-error: never read
      [2] = 0;
      // Internal handle for Wasm
      /** @internal */
      // @ts-expect-error: never read
      [3] = 0;
      // Internal handle for Wasm
      /** @internal */
      tree;
      /** @internal */
      constructor(internal, tree) {
        assertInternal(internal);
        this.tree = tree;
        unmarshalTreeCursor(this);
      }
      /** Creates a deep copy of the tree cursor. This allocates new memory. */
      copy() {
        const copy = new _TreeCursor(INTERNAL, this.tree);
        C._ts_tree_cursor_copy_wasm(this.tree[0]);
        unmarshalTreeCursor(copy);
        return copy;
      }
      /** Delete the tree cursor, freeing its resources. */
      delete() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_delete_wasm(this.tree[0]);
        this[0] = this[1] = this[2] = 0;
      }
      /** Get the tree cursor's current {@link Node}. */
      get currentNode() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_current_node_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the numerical field id of this tree cursor's current node.
       *
       * See also {@link TreeCursor#currentFieldName}.
       */
      get currentFieldId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
      }
      /** Get the field name of this tree cursor's current node. */
      get currentFieldName() {
        return this.tree.language.fields[this.currentFieldId];
      }
      /**
       * Get the depth of the cursor's current node relative to the original
       * node that the cursor was constructed with.
       */
      get currentDepth() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
      }
      /**
       * Get the index of the cursor's current node out of all of the
       * descendants of the original node that the cursor was constructed with.
       */
      get currentDescendantIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
      }
      /** Get the type of the cursor's current node. */
      get nodeType() {
        return this.tree.language.types[this.nodeTypeId] || "ERROR";
      }
      /** Get the type id of the cursor's current node. */
      get nodeTypeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
      }
      /** Get the state id of the cursor's current node. */
      get nodeStateId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
      }
      /** Get the id of the cursor's current node. */
      get nodeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
      }
      /**
       * Check if the cursor's current node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get nodeIsNamed() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if the cursor's current node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get nodeIsMissing() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Get the string content of the cursor's current node. */
      get nodeText() {
        marshalTreeCursor(this);
        const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
        const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        const startPosition = unmarshalPoint(TRANSFER_BUFFER);
        return getText(this.tree, startIndex, endIndex, startPosition);
      }
      /** Get the start position of the cursor's current node. */
      get startPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the end position of the cursor's current node. */
      get endPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_end_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the start index of the cursor's current node. */
      get startIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
      }
      /** Get the end index of the cursor's current node. */
      get endIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
      }
      /**
       * Move this cursor to the first child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       */
      gotoFirstChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the last child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoFirstChild} because it needs to
       * iterate through all the children to compute the child's position.
       */
      gotoLastChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the parent of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no parent node (the cursor was already on the
       * root node).
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoParent() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the next sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no next sibling node.
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoNextSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the previous sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no previous sibling node.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoNextSibling} due to how node
       * positions are stored. In the worst case, this will need to iterate
       * through all the children up to the previous sibling node to recalculate
       * its position. Also note that the node the cursor was constructed with is
       * considered the root of the cursor, and the cursor cannot walk outside this node.
       */
      gotoPreviousSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move the cursor to the node that is the nth descendant of
       * the original node that the cursor was constructed with, where
       * zero represents the original node itself.
       */
      gotoDescendant(goalDescendantIndex) {
        marshalTreeCursor(this);
        C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
        unmarshalTreeCursor(this);
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given byte offset.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForIndex(goalIndex) {
        marshalTreeCursor(this);
        C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
        const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given byte offset.
       *
       * This returns the index of the child node if one was found, and returns
       * `null` if no such child was found.
       */
      gotoFirstChildForPosition(goalPosition) {
        marshalTreeCursor(this);
        marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
        const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Re-initialize this tree cursor to start at the original node that the
       * cursor was constructed with.
       */
      reset(node) {
        marshalNode(node);
        marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
        C._ts_tree_cursor_reset_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
      }
      /**
       * Re-initialize a tree cursor to the same position as another cursor.
       *
       * Unlike {@link TreeCursor#reset}, this will not lose parent
       * information and allows reusing already created cursors.
       */
      resetTo(cursor) {
        marshalTreeCursor(this, TRANSFER_BUFFER);
        marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
        C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
        unmarshalTreeCursor(this);
      }
    };
    Node = class {
      static {
        __name(this, "Node");
      }
      /** @internal */
      // @ts-expect-error: never read
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      _children;
      /** @internal */
      _namedChildren;
      /** @internal */
      constructor(internal, {
        id,
        tree,
        startIndex,
        startPosition,
        other
      }) {
        assertInternal(internal);
        this[0] = other;
        this.id = id;
        this.tree = tree;
        this.startIndex = startIndex;
        this.startPosition = startPosition;
      }
      /**
       * The numeric id for this node that is unique.
       *
       * Within a given syntax tree, no two nodes have the same id. However:
       *
       * * If a new tree is created based on an older tree, and a node from the old tree is reused in
       *   the process, then that node will have the same id in both trees.
       *
       * * A node not marked as having changes does not guarantee it was reused.
       *
       * * If a node is marked as having changed in the old tree, it will not be reused.
       */
      id;
      /** The byte index where this node starts. */
      startIndex;
      /** The position where this node starts. */
      startPosition;
      /** The tree that this node belongs to. */
      tree;
      /** Get this node's type as a numerical id. */
      get typeId() {
        marshalNode(this);
        return C._ts_node_symbol_wasm(this.tree[0]);
      }
      /**
       * Get the node's type as a numerical id as it appears in the grammar,
       * ignoring aliases.
       */
      get grammarId() {
        marshalNode(this);
        return C._ts_node_grammar_symbol_wasm(this.tree[0]);
      }
      /** Get this node's type as a string. */
      get type() {
        return this.tree.language.types[this.typeId] || "ERROR";
      }
      /**
       * Get this node's symbol name as it appears in the grammar, ignoring
       * aliases as a string.
       */
      get grammarType() {
        return this.tree.language.types[this.grammarId] || "ERROR";
      }
      /**
       * Check if this node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get isNamed() {
        marshalNode(this);
        return C._ts_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *extra*.
       *
       * Extra nodes represent things like comments, which are not required
       * by the grammar, but can appear anywhere.
       */
      get isExtra() {
        marshalNode(this);
        return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error.
       *
       * Syntax errors represent parts of the code that could not be incorporated
       * into a valid syntax tree.
       */
      get isError() {
        marshalNode(this);
        return C._ts_node_is_error_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get isMissing() {
        marshalNode(this);
        return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Check if this node has been edited. */
      get hasChanges() {
        marshalNode(this);
        return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error or contains any syntax
       * errors anywhere within it.
       */
      get hasError() {
        marshalNode(this);
        return C._ts_node_has_error_wasm(this.tree[0]) === 1;
      }
      /** Get the byte index where this node ends. */
      get endIndex() {
        marshalNode(this);
        return C._ts_node_end_index_wasm(this.tree[0]);
      }
      /** Get the position where this node ends. */
      get endPosition() {
        marshalNode(this);
        C._ts_node_end_point_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the string content of this node. */
      get text() {
        return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
      }
      /** Get this node's parse state. */
      get parseState() {
        marshalNode(this);
        return C._ts_node_parse_state_wasm(this.tree[0]);
      }
      /** Get the parse state after this node. */
      get nextParseState() {
        marshalNode(this);
        return C._ts_node_next_parse_state_wasm(this.tree[0]);
      }
      /** Check if this node is equal to another node. */
      equals(other) {
        return this.tree === other.tree && this.id === other.id;
      }
      /**
       * Get the node's child at the given index, where zero represents the first child.
       *
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#children} instead.
       */
      child(index) {
        marshalNode(this);
        C._ts_node_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's *named* child at the given index.
       *
       * See also {@link Node#isNamed}.
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#namedChildren} instead.
       */
      namedChild(index) {
        marshalNode(this);
        C._ts_node_named_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's child with the given numerical field id.
       *
       * See also {@link Node#childForFieldName}. You can
       * convert a field name to an id using {@link Language#fieldIdForName}.
       */
      childForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the first child with the given field name.
       *
       * If multiple children may have the same field name, access them using
       * {@link Node#childrenForFieldName}.
       */
      childForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1) return this.childForFieldId(fieldId);
        return null;
      }
      /** Get the field name of this node's child at the given index. */
      fieldNameForChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /** Get the field name of this node's named child at the given index. */
      fieldNameForNamedChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /**
       * Get an array of this node's children with a given field name.
       *
       * See also {@link Node#children}.
       */
      childrenForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
        return [];
      }
      /**
        * Get an array of this node's children with a given field id.
        *
        * See also {@link Node#childrenForFieldName}.
        */
      childrenForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the node's first child that contains or starts after the given byte offset. */
      firstChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's first named child that contains or starts after the given byte offset. */
      firstNamedChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's number of children. */
      get childCount() {
        marshalNode(this);
        return C._ts_node_child_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's number of *named* children.
       *
       * See also {@link Node#isNamed}.
       */
      get namedChildCount() {
        marshalNode(this);
        return C._ts_node_named_child_count_wasm(this.tree[0]);
      }
      /** Get this node's first child. */
      get firstChild() {
        return this.child(0);
      }
      /**
       * Get this node's first named child.
       *
       * See also {@link Node#isNamed}.
       */
      get firstNamedChild() {
        return this.namedChild(0);
      }
      /** Get this node's last child. */
      get lastChild() {
        return this.child(this.childCount - 1);
      }
      /**
       * Get this node's last named child.
       *
       * See also {@link Node#isNamed}.
       */
      get lastNamedChild() {
        return this.namedChild(this.namedChildCount - 1);
      }
      /**
       * Iterate over this node's children.
       *
       * If you're walking the tree recursively, you may want to use the
       * {@link TreeCursor} APIs directly instead.
       */
      get children() {
        if (!this._children) {
          marshalNode(this);
          C._ts_node_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._children = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._children[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._children;
      }
      /**
       * Iterate over this node's named children.
       *
       * See also {@link Node#children}.
       */
      get namedChildren() {
        if (!this._namedChildren) {
          marshalNode(this);
          C._ts_node_named_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._namedChildren = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._namedChildren[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._namedChildren;
      }
      /**
       * Get the descendants of this node that are the given type, or in the given types array.
       *
       * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
       *
       * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
       */
      descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
        if (!Array.isArray(types)) types = [types];
        const symbols = [];
        const typesBySymbol = this.tree.language.types;
        for (const node_type of types) {
          if (node_type == "ERROR") {
            symbols.push(65535);
          }
        }
        for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
          if (types.includes(typesBySymbol[i2])) {
            symbols.push(i2);
          }
        }
        const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
        for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
          C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
        }
        marshalNode(this);
        C._ts_node_descendants_of_type_wasm(
          this.tree[0],
          symbolsAddress,
          symbols.length,
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column
        );
        const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
        const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(descendantCount);
        if (descendantCount > 0) {
          let address = descendantAddress;
          for (let i2 = 0; i2 < descendantCount; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
        }
        C._free(descendantAddress);
        C._free(symbolsAddress);
        return result;
      }
      /** Get this node's next sibling. */
      get nextSibling() {
        marshalNode(this);
        C._ts_node_next_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's previous sibling. */
      get previousSibling() {
        marshalNode(this);
        C._ts_node_prev_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's next *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get nextNamedSibling() {
        marshalNode(this);
        C._ts_node_next_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's previous *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get previousNamedSibling() {
        marshalNode(this);
        C._ts_node_prev_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's number of descendants, including one for the node itself. */
      get descendantCount() {
        marshalNode(this);
        return C._ts_node_descendant_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's immediate parent.
       * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
       */
      get parent() {
        marshalNode(this);
        C._ts_node_parent_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the node that contains `descendant`.
       *
       * Note that this can return `descendant` itself.
       */
      childWithDescendant(descendant) {
        marshalNode(this);
        marshalNode(descendant, 1);
        C._ts_node_child_with_descendant_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given byte range. */
      descendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given byte range. */
      namedDescendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given point range. */
      descendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given point range. */
      namedDescendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Create a new {@link TreeCursor} starting from this node.
       *
       * Note that the given node is considered the root of the cursor,
       * and the cursor cannot walk outside this node.
       */
      walk() {
        marshalNode(this);
        C._ts_tree_cursor_new_wasm(this.tree[0]);
        return new TreeCursor(INTERNAL, this.tree);
      }
      /**
       * Edit this node to keep it in-sync with source code that has been edited.
       *
       * This function is only rarely needed. When you edit a syntax tree with
       * the {@link Tree#edit} method, all of the nodes that you retrieve from
       * the tree afterward will already reflect the edit. You only need to
       * use {@link Node#edit} when you have a specific {@link Node} instance that
       * you want to keep and continue to use after an edit.
       */
      edit(edit) {
        if (this.startIndex >= edit.oldEndIndex) {
          this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
          let subbedPointRow;
          let subbedPointColumn;
          if (this.startPosition.row > edit.oldEndPosition.row) {
            subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
            subbedPointColumn = this.startPosition.column;
          } else {
            subbedPointRow = 0;
            subbedPointColumn = this.startPosition.column;
            if (this.startPosition.column >= edit.oldEndPosition.column) {
              subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
            }
          }
          if (subbedPointRow > 0) {
            this.startPosition.row += subbedPointRow;
            this.startPosition.column = subbedPointColumn;
          } else {
            this.startPosition.column += subbedPointColumn;
          }
        } else if (this.startIndex > edit.startIndex) {
          this.startIndex = edit.newEndIndex;
          this.startPosition.row = edit.newEndPosition.row;
          this.startPosition.column = edit.newEndPosition.column;
        }
      }
      /** Get the S-expression representation of this node. */
      toString() {
        marshalNode(this);
        const address = C._ts_node_to_string_wasm(this.tree[0]);
        const result = C.AsciiToString(address);
        C._free(address);
        return result;
      }
    };
    __name(unmarshalCaptures, "unmarshalCaptures");
    __name(marshalNode, "marshalNode");
    __name(unmarshalNode, "unmarshalNode");
    __name(marshalTreeCursor, "marshalTreeCursor");
    __name(unmarshalTreeCursor, "unmarshalTreeCursor");
    __name(marshalPoint, "marshalPoint");
    __name(unmarshalPoint, "unmarshalPoint");
    __name(marshalRange, "marshalRange");
    __name(unmarshalRange, "unmarshalRange");
    __name(marshalEdit, "marshalEdit");
    __name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
    PREDICATE_STEP_TYPE_CAPTURE = 1;
    PREDICATE_STEP_TYPE_STRING = 2;
    QUERY_WORD_REGEX = /[\w-]+/g;
    CaptureQuantifier = {
      Zero: 0,
      ZeroOrOne: 1,
      ZeroOrMore: 2,
      One: 3,
      OneOrMore: 4
    };
    isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
    isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
    QueryErrorKind = {
      Syntax: 1,
      NodeName: 2,
      FieldName: 3,
      CaptureName: 4,
      PatternStructure: 5
    };
    QueryError = class _QueryError extends Error {
      constructor(kind, info2, index, length) {
        super(_QueryError.formatMessage(kind, info2));
        this.kind = kind;
        this.info = info2;
        this.index = index;
        this.length = length;
        this.name = "QueryError";
      }
      static {
        __name(this, "QueryError");
      }
      /** Formats an error message based on the error kind and info */
      static formatMessage(kind, info2) {
        switch (kind) {
          case QueryErrorKind.NodeName:
            return `Bad node name '${info2.word}'`;
          case QueryErrorKind.FieldName:
            return `Bad field name '${info2.word}'`;
          case QueryErrorKind.CaptureName:
            return `Bad capture name @${info2.word}`;
          case QueryErrorKind.PatternStructure:
            return `Bad pattern structure at offset ${info2.suffix}`;
          case QueryErrorKind.Syntax:
            return `Bad syntax at offset ${info2.suffix}`;
        }
      }
    };
    __name(parseAnyPredicate, "parseAnyPredicate");
    __name(parseMatchPredicate, "parseMatchPredicate");
    __name(parseAnyOfPredicate, "parseAnyOfPredicate");
    __name(parseIsPredicate, "parseIsPredicate");
    __name(parseSetDirective, "parseSetDirective");
    __name(parsePattern, "parsePattern");
    Query = class {
      static {
        __name(this, "Query");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for WASM
      /** @internal */
      exceededMatchLimit;
      /** @internal */
      textPredicates;
      /** The names of the captures used in the query. */
      captureNames;
      /** The quantifiers of the captures used in the query. */
      captureQuantifiers;
      /**
       * The other user-defined predicates associated with the given index.
       *
       * This includes predicates with operators other than:
       * - `match?`
       * - `eq?` and `not-eq?`
       * - `any-of?` and `not-any-of?`
       * - `is?` and `is-not?`
       * - `set!`
       */
      predicates;
      /** The properties for predicates with the operator `set!`. */
      setProperties;
      /** The properties for predicates with the operator `is?`. */
      assertedProperties;
      /** The properties for predicates with the operator `is-not?`. */
      refutedProperties;
      /** The maximum number of in-progress matches for this cursor. */
      matchLimit;
      /**
       * Create a new query from a string containing one or more S-expression
       * patterns.
       *
       * The query is associated with a particular language, and can only be run
       * on syntax nodes parsed with that language. References to Queries can be
       * shared between multiple threads.
       *
       * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
       */
      constructor(language, source) {
        const sourceLength = C.lengthBytesUTF8(source);
        const sourceAddress = C._malloc(sourceLength + 1);
        C.stringToUTF8(source, sourceAddress, sourceLength + 1);
        const address = C._ts_query_new(
          language[0],
          sourceAddress,
          sourceLength,
          TRANSFER_BUFFER,
          TRANSFER_BUFFER + SIZE_OF_INT
        );
        if (!address) {
          const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
          const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
          const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
          const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
          C._free(sourceAddress);
          switch (errorId) {
            case QueryErrorKind.Syntax:
              throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
            case QueryErrorKind.NodeName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.FieldName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.CaptureName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.PatternStructure:
              throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
          }
        }
        const stringCount = C._ts_query_string_count(address);
        const captureCount = C._ts_query_capture_count(address);
        const patternCount = C._ts_query_pattern_count(address);
        const captureNames = new Array(captureCount);
        const captureQuantifiers = new Array(patternCount);
        const stringValues = new Array(stringCount);
        for (let i2 = 0; i2 < captureCount; i2++) {
          const nameAddress = C._ts_query_capture_name_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
        }
        for (let i2 = 0; i2 < patternCount; i2++) {
          const captureQuantifiersArray = new Array(captureCount);
          for (let j = 0; j < captureCount; j++) {
            const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
            captureQuantifiersArray[j] = quantifier;
          }
          captureQuantifiers[i2] = captureQuantifiersArray;
        }
        for (let i2 = 0; i2 < stringCount; i2++) {
          const valueAddress = C._ts_query_string_value_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
        }
        const setProperties = new Array(patternCount);
        const assertedProperties = new Array(patternCount);
        const refutedProperties = new Array(patternCount);
        const predicates = new Array(patternCount);
        const textPredicates = new Array(patternCount);
        for (let i2 = 0; i2 < patternCount; i2++) {
          const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
          const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
          predicates[i2] = [];
          textPredicates[i2] = [];
          const steps = new Array();
          let stepAddress = predicatesAddress;
          for (let j = 0; j < stepCount; j++) {
            const stepType = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            const stepValueId = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            parsePattern(
              i2,
              stepType,
              stepValueId,
              captureNames,
              stringValues,
              steps,
              textPredicates,
              predicates,
              setProperties,
              assertedProperties,
              refutedProperties
            );
          }
          Object.freeze(textPredicates[i2]);
          Object.freeze(predicates[i2]);
          Object.freeze(setProperties[i2]);
          Object.freeze(assertedProperties[i2]);
          Object.freeze(refutedProperties[i2]);
        }
        C._free(sourceAddress);
        this[0] = address;
        this.captureNames = captureNames;
        this.captureQuantifiers = captureQuantifiers;
        this.textPredicates = textPredicates;
        this.predicates = predicates;
        this.setProperties = setProperties;
        this.assertedProperties = assertedProperties;
        this.refutedProperties = refutedProperties;
        this.exceededMatchLimit = false;
      }
      /** Delete the query, freeing its resources. */
      delete() {
        C._ts_query_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Iterate over all of the matches in the order that they were found.
       *
       * Each match contains the index of the pattern that matched, and a list of
       * captures. Because multiple patterns can match the same set of nodes,
       * one match may contain captures that appear *before* some of the
       * captures from a previous match.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      matches(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const timeoutMicros = options.timeoutMicros ?? 0;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_matches_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          matchLimit,
          maxStartDepth,
          timeoutMicros
        );
        const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array(rawCount);
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        let filteredCount = 0;
        let address = startAddress;
        for (let i2 = 0; i2 < rawCount; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captures = new Array(captureCount);
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
            const setProperties = this.setProperties[patternIndex];
            result[filteredCount].setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            result[filteredCount].assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            result[filteredCount].refutedProperties = refutedProperties;
            filteredCount++;
          }
        }
        result.length = filteredCount;
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /**
       * Iterate over all of the individual captures in the order that they
       * appear.
       *
       * This is useful if you don't care about which pattern matched, and just
       * want a single, ordered sequence of captures.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      captures(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const timeoutMicros = options.timeoutMicros ?? 0;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_captures_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          matchLimit,
          maxStartDepth,
          timeoutMicros
        );
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array();
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        const captures = new Array();
        let address = startAddress;
        for (let i2 = 0; i2 < count; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          captures.length = captureCount;
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            const capture = captures[captureIndex];
            const setProperties = this.setProperties[patternIndex];
            capture.setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            capture.assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            capture.refutedProperties = refutedProperties;
            result.push(capture);
          }
        }
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /** Get the predicates for a given pattern. */
      predicatesForPattern(patternIndex) {
        return this.predicates[patternIndex];
      }
      /**
       * Disable a certain capture within a query.
       *
       * This prevents the capture from being returned in matches, and also
       * avoids any resource usage associated with recording the capture.
       */
      disableCapture(captureName) {
        const captureNameLength = C.lengthBytesUTF8(captureName);
        const captureNameAddress = C._malloc(captureNameLength + 1);
        C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
        C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
        C._free(captureNameAddress);
      }
      /**
       * Disable a certain pattern within a query.
       *
       * This prevents the pattern from matching, and also avoids any resource
       * usage associated with the pattern. This throws an error if the pattern
       * index is out of bounds.
       */
      disablePattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        C._ts_query_disable_pattern(this[0], patternIndex);
      }
      /**
       * Check if, on its last execution, this cursor exceeded its maximum number
       * of in-progress matches.
       */
      didExceedMatchLimit() {
        return this.exceededMatchLimit;
      }
      /** Get the byte offset where the given pattern starts in the query's source. */
      startIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
      }
      /** Get the byte offset where the given pattern ends in the query's source. */
      endIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
      }
      /** Get the number of patterns in the query. */
      patternCount() {
        return C._ts_query_pattern_count(this[0]);
      }
      /** Get the index for a given capture name. */
      captureIndexForName(captureName) {
        return this.captureNames.indexOf(captureName);
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternRooted(patternIndex) {
        return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternNonLocal(patternIndex) {
        return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
      }
      /**
       * Check if a given step in a query is 'definite'.
       *
       * A query step is 'definite' if its parent pattern will be guaranteed to
       * match successfully once it reaches the step.
       */
      isPatternGuaranteedAtStep(byteIndex) {
        return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
      }
    };
    LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
    Language = class _Language {
      static {
        __name(this, "Language");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for WASM
      /**
       * A list of all node types in the language. The index of each type in this
       * array is its node type id.
       */
      types;
      /**
       * A list of all field names in the language. The index of each field name in
       * this array is its field id.
       */
      fields;
      /** @internal */
      constructor(internal, address) {
        assertInternal(internal);
        this[0] = address;
        this.types = new Array(C._ts_language_symbol_count(this[0]));
        for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
          if (C._ts_language_symbol_type(this[0], i2) < 2) {
            this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
          }
        }
        this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
        for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
          const fieldName = C._ts_language_field_name_for_id(this[0], i2);
          if (fieldName !== 0) {
            this.fields[i2] = C.UTF8ToString(fieldName);
          } else {
            this.fields[i2] = null;
          }
        }
      }
      /**
       * Gets the name of the language.
       */
      get name() {
        const ptr = C._ts_language_name(this[0]);
        if (ptr === 0) return null;
        return C.UTF8ToString(ptr);
      }
      /**
       * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
       * Gets the version of the language.
       */
      get version() {
        return C._ts_language_version(this[0]);
      }
      /**
       * Gets the ABI version of the language.
       */
      get abiVersion() {
        return C._ts_language_abi_version(this[0]);
      }
      /**
      * Get the metadata for this language. This information is generated by the
      * CLI, and relies on the language author providing the correct metadata in
      * the language's `tree-sitter.json` file.
      */
      get metadata() {
        C._ts_language_metadata(this[0]);
        const length = C.getValue(TRANSFER_BUFFER, "i32");
        const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        if (length === 0) return null;
        return unmarshalLanguageMetadata(address);
      }
      /**
       * Gets the number of fields in the language.
       */
      get fieldCount() {
        return this.fields.length - 1;
      }
      /**
       * Gets the number of states in the language.
       */
      get stateCount() {
        return C._ts_language_state_count(this[0]);
      }
      /**
       * Get the field id for a field name.
       */
      fieldIdForName(fieldName) {
        const result = this.fields.indexOf(fieldName);
        return result !== -1 ? result : null;
      }
      /**
       * Get the field name for a field id.
       */
      fieldNameForId(fieldId) {
        return this.fields[fieldId] ?? null;
      }
      /**
       * Get the node type id for a node type name.
       */
      idForNodeType(type, named2) {
        const typeLength = C.lengthBytesUTF8(type);
        const typeAddress = C._malloc(typeLength + 1);
        C.stringToUTF8(type, typeAddress, typeLength + 1);
        const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named2 ? 1 : 0);
        C._free(typeAddress);
        return result || null;
      }
      /**
       * Gets the number of node types in the language.
       */
      get nodeTypeCount() {
        return C._ts_language_symbol_count(this[0]);
      }
      /**
       * Get the node type name for a node type id.
       */
      nodeTypeForId(typeId) {
        const name2 = C._ts_language_symbol_name(this[0], typeId);
        return name2 ? C.UTF8ToString(name2) : null;
      }
      /**
       * Check if a node type is named.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
       */
      nodeTypeIsNamed(typeId) {
        return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Check if a node type is visible.
       */
      nodeTypeIsVisible(typeId) {
        return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Get the supertypes ids of this language.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
       */
      get supertypes() {
        C._ts_language_supertypes_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the subtype ids for a given supertype node id.
       */
      subtypes(supertype) {
        C._ts_language_subtypes_wasm(this[0], supertype);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the next state id for a given state id and node type id.
       */
      nextState(stateId, typeId) {
        return C._ts_language_next_state(this[0], stateId, typeId);
      }
      /**
       * Create a new lookahead iterator for this language and parse state.
       *
       * This returns `null` if state is invalid for this language.
       *
       * Iterating {@link LookaheadIterator} will yield valid symbols in the given
       * parse state. Newly created lookahead iterators will return the `ERROR`
       * symbol from {@link LookaheadIterator#currentType}.
       *
       * Lookahead iterators can be useful for generating suggestions and improving
       * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
       * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
       * lookahead iterator created on the previous non-extra leaf node may be
       * appropriate.
       */
      lookaheadIterator(stateId) {
        const address = C._ts_lookahead_iterator_new(this[0], stateId);
        if (address) return new LookaheadIterator(INTERNAL, address, this);
        return null;
      }
      /**
       * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
       *
       * Create a new query from a string containing one or more S-expression
       * patterns.
       *
       * The query is associated with a particular language, and can only be run
       * on syntax nodes parsed with that language. References to Queries can be
       * shared between multiple threads.
       *
       * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
       */
      query(source) {
        console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
        return new Query(this, source);
      }
      /**
       * Load a language from a WebAssembly module.
       * The module can be provided as a path to a file or as a buffer.
       */
      static async load(input2) {
        let bytes;
        if (input2 instanceof Uint8Array) {
          bytes = Promise.resolve(input2);
        } else {
          if (globalThis.process?.versions.node) {
            const fs2 = await import("fs/promises");
            bytes = fs2.readFile(input2);
          } else {
            bytes = fetch(input2).then((response) => response.arrayBuffer().then((buffer) => {
              if (response.ok) {
                return new Uint8Array(buffer);
              } else {
                const body2 = new TextDecoder("utf-8").decode(buffer);
                throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
              }
            }));
          }
        }
        const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
        const symbolNames = Object.keys(mod);
        const functionName = symbolNames.find((key2) => LANGUAGE_FUNCTION_REGEX.test(key2) && !key2.includes("external_scanner_"));
        if (!functionName) {
          console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
          throw new Error("Language.load failed: no language function found in WASM file");
        }
        const languageAddress = mod[functionName]();
        return new _Language(INTERNAL, languageAddress);
      }
    };
    Module2 = (() => {
      var _scriptName = import.meta.url;
      return async function(moduleArg = {}) {
        var moduleRtn;
        var Module = moduleArg;
        var readyPromiseResolve, readyPromiseReject;
        var readyPromise = new Promise((resolve2, reject) => {
          readyPromiseResolve = resolve2;
          readyPromiseReject = reject;
        });
        var ENVIRONMENT_IS_WEB = typeof window == "object";
        var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
        var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
        var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
        if (ENVIRONMENT_IS_NODE) {
          const { createRequire: createRequire2 } = await import("module");
          var require = createRequire2(import.meta.url);
        }
        Module.currentQueryProgressCallback = null;
        Module.currentProgressCallback = null;
        Module.currentLogCallback = null;
        Module.currentParseCallback = null;
        var moduleOverrides = Object.assign({}, Module);
        var arguments_ = [];
        var thisProgram = "./this.program";
        var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
          throw toThrow;
        }, "quit_");
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        __name(locateFile, "locateFile");
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs = require("fs");
          var nodePath = require("path");
          if (!import.meta.url.startsWith("data:")) {
            scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
          }
          readBinary = /* @__PURE__ */ __name((filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename);
            return ret;
          }, "readBinary");
          readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
            return ret;
          }, "readAsync");
          if (!Module["thisProgram"] && process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          arguments_ = process.argv.slice(2);
          quit_ = /* @__PURE__ */ __name((status, toThrow) => {
            process.exitCode = status;
            throw toThrow;
          }, "quit_");
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          if (ENVIRONMENT_IS_WORKER) {
            scriptDirectory = self.location.href;
          } else if (typeof document != "undefined" && document.currentScript) {
            scriptDirectory = document.currentScript.src;
          }
          if (_scriptName) {
            scriptDirectory = _scriptName;
          }
          if (scriptDirectory.startsWith("blob:")) {
            scriptDirectory = "";
          } else {
            scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = /* @__PURE__ */ __name((url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(
                  /** @type{!ArrayBuffer} */
                  xhr.response
                );
              }, "readBinary");
            }
            readAsync = /* @__PURE__ */ __name(async (url) => {
              if (isFileURI(url)) {
                return new Promise((resolve2, reject) => {
                  var xhr = new XMLHttpRequest();
                  xhr.open("GET", url, true);
                  xhr.responseType = "arraybuffer";
                  xhr.onload = () => {
                    if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                      resolve2(xhr.response);
                      return;
                    }
                    reject(xhr.status);
                  };
                  xhr.onerror = reject;
                  xhr.send(null);
                });
              }
              var response = await fetch(url, {
                credentials: "same-origin"
              });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            }, "readAsync");
          }
        } else {
        }
        var out = Module["print"] || console.log.bind(console);
        var err = Module["printErr"] || console.error.bind(console);
        Object.assign(Module, moduleOverrides);
        moduleOverrides = null;
        if (Module["arguments"]) arguments_ = Module["arguments"];
        if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
        var dynamicLibraries = Module["dynamicLibraries"] || [];
        var wasmBinary = Module["wasmBinary"];
        var wasmMemory;
        var ABORT = false;
        var EXITSTATUS;
        function assert(condition, text) {
          if (!condition) {
            abort(text);
          }
        }
        __name(assert, "assert");
        var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
        var HEAP_DATA_VIEW;
        var runtimeInitialized = false;
        var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
        function updateMemoryViews() {
          var b2 = wasmMemory.buffer;
          Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b2);
          Module["HEAP8"] = HEAP8 = new Int8Array(b2);
          Module["HEAP16"] = HEAP16 = new Int16Array(b2);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b2);
          Module["HEAPU16"] = HEAPU16 = new Uint16Array(b2);
          Module["HEAP32"] = HEAP32 = new Int32Array(b2);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b2);
          Module["HEAPF32"] = HEAPF32 = new Float32Array(b2);
          Module["HEAPF64"] = HEAPF64 = new Float64Array(b2);
          Module["HEAP64"] = HEAP64 = new BigInt64Array(b2);
          Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b2);
        }
        __name(updateMemoryViews, "updateMemoryViews");
        if (Module["wasmMemory"]) {
          wasmMemory = Module["wasmMemory"];
        } else {
          var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
          wasmMemory = new WebAssembly.Memory({
            "initial": INITIAL_MEMORY / 65536,
            // In theory we should not need to emit the maximum if we want "unlimited"
            // or 4GB of memory, but VMs error on that atm, see
            // https://github.com/emscripten-core/emscripten/issues/14130
            // And in the pthreads case we definitely need to emit a maximum. So
            // always emit one.
            "maximum": 32768
          });
        }
        updateMemoryViews();
        var __RELOC_FUNCS__ = [];
        function preRun() {
          if (Module["preRun"]) {
            if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
            while (Module["preRun"].length) {
              addOnPreRun(Module["preRun"].shift());
            }
          }
          callRuntimeCallbacks(onPreRuns);
        }
        __name(preRun, "preRun");
        function initRuntime() {
          runtimeInitialized = true;
          callRuntimeCallbacks(__RELOC_FUNCS__);
          wasmExports["__wasm_call_ctors"]();
          callRuntimeCallbacks(onPostCtors);
        }
        __name(initRuntime, "initRuntime");
        function preMain() {
        }
        __name(preMain, "preMain");
        function postRun() {
          if (Module["postRun"]) {
            if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
            while (Module["postRun"].length) {
              addOnPostRun(Module["postRun"].shift());
            }
          }
          callRuntimeCallbacks(onPostRuns);
        }
        __name(postRun, "postRun");
        var runDependencies = 0;
        var dependenciesFulfilled = null;
        function getUniqueRunDependency(id) {
          return id;
        }
        __name(getUniqueRunDependency, "getUniqueRunDependency");
        function addRunDependency(id) {
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        }
        __name(addRunDependency, "addRunDependency");
        function removeRunDependency(id) {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (runDependencies == 0) {
            if (dependenciesFulfilled) {
              var callback = dependenciesFulfilled;
              dependenciesFulfilled = null;
              callback();
            }
          }
        }
        __name(removeRunDependency, "removeRunDependency");
        function abort(what) {
          Module["onAbort"]?.(what);
          what = "Aborted(" + what + ")";
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          readyPromiseReject(e);
          throw e;
        }
        __name(abort, "abort");
        var wasmBinaryFile;
        function findWasmBinary() {
          if (Module["locateFile"]) {
            return locateFile("tree-sitter.wasm");
          }
          return new URL("tree-sitter.wasm", import.meta.url).href;
        }
        __name(findWasmBinary, "findWasmBinary");
        function getBinarySync(file) {
          if (file == wasmBinaryFile && wasmBinary) {
            return new Uint8Array(wasmBinary);
          }
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        __name(getBinarySync, "getBinarySync");
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        __name(getWasmBinary, "getWasmBinary");
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary2 = await getWasmBinary(binaryFile);
            var instance2 = await WebAssembly.instantiate(binary2, imports);
            return instance2;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        __name(instantiateArrayBuffer, "instantiateArrayBuffer");
        async function instantiateAsync(binary2, binaryFile, imports) {
          if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, {
                credentials: "same-origin"
              });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        __name(instantiateAsync, "instantiateAsync");
        function getWasmImports() {
          return {
            "env": wasmImports,
            "wasi_snapshot_preview1": wasmImports,
            "GOT.mem": new Proxy(wasmImports, GOTHandler),
            "GOT.func": new Proxy(wasmImports, GOTHandler)
          };
        }
        __name(getWasmImports, "getWasmImports");
        async function createWasm() {
          function receiveInstance(instance2, module2) {
            wasmExports = instance2.exports;
            wasmExports = relocateExports(wasmExports, 1024);
            var metadata2 = getDylinkMetadata(module2);
            if (metadata2.neededDynlibs) {
              dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
            }
            mergeLibSymbols(wasmExports, "main");
            LDSO.init();
            loadDylibs();
            __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
            removeRunDependency("wasm-instantiate");
            return wasmExports;
          }
          __name(receiveInstance, "receiveInstance");
          addRunDependency("wasm-instantiate");
          function receiveInstantiationResult(result2) {
            return receiveInstance(result2["instance"], result2["module"]);
          }
          __name(receiveInstantiationResult, "receiveInstantiationResult");
          var info2 = getWasmImports();
          if (Module["instantiateWasm"]) {
            return new Promise((resolve2, reject) => {
              Module["instantiateWasm"](info2, (mod, inst) => {
                receiveInstance(mod, inst);
                resolve2(mod.exports);
              });
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          try {
            var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
            var exports = receiveInstantiationResult(result);
            return exports;
          } catch (e) {
            readyPromiseReject(e);
            return Promise.reject(e);
          }
        }
        __name(createWasm, "createWasm");
        var ASM_CONSTS = {};
        class ExitStatus {
          static {
            __name(this, "ExitStatus");
          }
          name = "ExitStatus";
          constructor(status) {
            this.message = `Program terminated with exit(${status})`;
            this.status = status;
          }
        }
        var GOT = {};
        var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
        var GOTHandler = {
          get(obj, symName) {
            var rtn = GOT[symName];
            if (!rtn) {
              rtn = GOT[symName] = new WebAssembly.Global({
                "value": "i32",
                "mutable": true
              });
            }
            if (!currentModuleWeakSymbols.has(symName)) {
              rtn.required = true;
            }
            return rtn;
          }
        };
        var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
        var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
        var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
        var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
        var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
        var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
        var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
        var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
        var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
        var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
        var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
        var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
        var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        }, "callRuntimeCallbacks");
        var onPostRuns = [];
        var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
        var onPreRuns = [];
        var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
        var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
        var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
          var endIdx = idx + maxBytesToRead;
          var endPtr = idx;
          while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str;
        }, "UTF8ArrayToString");
        var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
          var offset = 0;
          var end = 0;
          function getU8() {
            return binary2[offset++];
          }
          __name(getU8, "getU8");
          function getLEB() {
            var ret = 0;
            var mul = 1;
            while (1) {
              var byte = binary2[offset++];
              ret += (byte & 127) * mul;
              mul *= 128;
              if (!(byte & 128)) break;
            }
            return ret;
          }
          __name(getLEB, "getLEB");
          function getString() {
            var len = getLEB();
            offset += len;
            return UTF8ArrayToString(binary2, offset - len, len);
          }
          __name(getString, "getString");
          function failIf(condition, message) {
            if (condition) throw new Error(message);
          }
          __name(failIf, "failIf");
          var name2 = "dylink.0";
          if (binary2 instanceof WebAssembly.Module) {
            var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
            if (dylinkSection.length === 0) {
              name2 = "dylink";
              dylinkSection = WebAssembly.Module.customSections(binary2, name2);
            }
            failIf(dylinkSection.length === 0, "need dylink section");
            binary2 = new Uint8Array(dylinkSection[0]);
            end = binary2.length;
          } else {
            var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
            var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
            failIf(!magicNumberFound, "need to see wasm magic number");
            failIf(binary2[8] !== 0, "need the dylink section to be first");
            offset = 9;
            var section_size = getLEB();
            end = offset + section_size;
            name2 = getString();
          }
          var customSection = {
            neededDynlibs: [],
            tlsExports: /* @__PURE__ */ new Set(),
            weakImports: /* @__PURE__ */ new Set()
          };
          if (name2 == "dylink") {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              var libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else {
            failIf(name2 !== "dylink.0");
            var WASM_DYLINK_MEM_INFO = 1;
            var WASM_DYLINK_NEEDED = 2;
            var WASM_DYLINK_EXPORT_INFO = 3;
            var WASM_DYLINK_IMPORT_INFO = 4;
            var WASM_SYMBOL_TLS = 256;
            var WASM_SYMBOL_BINDING_MASK = 3;
            var WASM_SYMBOL_BINDING_WEAK = 1;
            while (offset < end) {
              var subsectionType = getU8();
              var subsectionSize = getLEB();
              if (subsectionType === WASM_DYLINK_MEM_INFO) {
                customSection.memorySize = getLEB();
                customSection.memoryAlign = getLEB();
                customSection.tableSize = getLEB();
                customSection.tableAlign = getLEB();
              } else if (subsectionType === WASM_DYLINK_NEEDED) {
                var neededDynlibsCount = getLEB();
                for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
                  libname = getString();
                  customSection.neededDynlibs.push(libname);
                }
              } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
                var count = getLEB();
                while (count--) {
                  var symname = getString();
                  var flags2 = getLEB();
                  if (flags2 & WASM_SYMBOL_TLS) {
                    customSection.tlsExports.add(symname);
                  }
                }
              } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
                var count = getLEB();
                while (count--) {
                  var modname = getString();
                  var symname = getString();
                  var flags2 = getLEB();
                  if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                    customSection.weakImports.add(symname);
                  }
                }
              } else {
                offset += subsectionSize;
              }
            }
          }
          return customSection;
        }, "getDylinkMetadata");
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
            case "i32":
              return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
            case "i64":
              return HEAP64[ptr >> 3];
            case "float":
              return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
            case "double":
              return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
            case "*":
              return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        __name(getValue, "getValue");
        var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
          var dso = {
            refcount: Infinity,
            name: name2,
            exports: syms,
            global: true
          };
          LDSO.loadedLibsByName[name2] = dso;
          if (handle2 != void 0) {
            LDSO.loadedLibsByHandle[handle2] = dso;
          }
          return dso;
        }, "newDSO");
        var LDSO = {
          loadedLibsByName: {},
          loadedLibsByHandle: {},
          init() {
            newDSO("__main__", 0, wasmImports);
          }
        };
        var ___heap_base = 78224;
        var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
        var getMemory = /* @__PURE__ */ __name((size) => {
          if (runtimeInitialized) {
            return _calloc(size, 1);
          }
          var ret = ___heap_base;
          var end = ret + alignMemory(size, 16);
          ___heap_base = end;
          GOT["__heap_base"].value = end;
          return ret;
        }, "getMemory");
        var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
        var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
          if (n < 128) {
            target.push(n);
          } else {
            target.push(n % 128 | 128, n >> 7);
          }
        }, "uleb128Encode");
        var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
          var typeNames = {
            "i": "i32",
            "j": "i64",
            "f": "f32",
            "d": "f64",
            "e": "externref",
            "p": "i32"
          };
          var type = {
            parameters: [],
            results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
          };
          for (var i2 = 1; i2 < sig.length; ++i2) {
            type.parameters.push(typeNames[sig[i2]]);
          }
          return type;
        }, "sigToWasmTypes");
        var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
          var sigRet = sig.slice(0, 1);
          var sigParam = sig.slice(1);
          var typeCodes = {
            "i": 127,
            // i32
            "p": 127,
            // i32
            "j": 126,
            // i64
            "f": 125,
            // f32
            "d": 124,
            // f64
            "e": 111
          };
          target.push(96);
          uleb128Encode(sigParam.length, target);
          for (var i2 = 0; i2 < sigParam.length; ++i2) {
            target.push(typeCodes[sigParam[i2]]);
          }
          if (sigRet == "v") {
            target.push(0);
          } else {
            target.push(1, typeCodes[sigRet]);
          }
        }, "generateFuncType");
        var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
          if (typeof WebAssembly.Function == "function") {
            return new WebAssembly.Function(sigToWasmTypes(sig), func2);
          }
          var typeSectionBody = [1];
          generateFuncType(sig, typeSectionBody);
          var bytes = [
            0,
            97,
            115,
            109,
            // magic ("\0asm")
            1,
            0,
            0,
            0,
            // version: 1
            1
          ];
          uleb128Encode(typeSectionBody.length, bytes);
          bytes.push(...typeSectionBody);
          bytes.push(
            2,
            7,
            // import section
            // (import "e" "f" (func 0 (type 0)))
            1,
            1,
            101,
            1,
            102,
            0,
            0,
            7,
            5,
            // export section
            // (export "f" (func 0 (type 0)))
            1,
            1,
            102,
            0,
            0
          );
          var module2 = new WebAssembly.Module(new Uint8Array(bytes));
          var instance2 = new WebAssembly.Instance(module2, {
            "e": {
              "f": func2
            }
          });
          var wrappedFunc = instance2.exports["f"];
          return wrappedFunc;
        }, "convertJsFunctionToWasm");
        var wasmTableMirror = [];
        var wasmTable = new WebAssembly.Table({
          "initial": 31,
          "element": "anyfunc"
        });
        var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
          var func2 = wasmTableMirror[funcPtr];
          if (!func2) {
            if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
            wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
          }
          return func2;
        }, "getWasmTableEntry");
        var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
          if (functionsInTableMap) {
            for (var i2 = offset; i2 < offset + count; i2++) {
              var item = getWasmTableEntry(i2);
              if (item) {
                functionsInTableMap.set(item, i2);
              }
            }
          }
        }, "updateTableMap");
        var functionsInTableMap;
        var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
          if (!functionsInTableMap) {
            functionsInTableMap = /* @__PURE__ */ new WeakMap();
            updateTableMap(0, wasmTable.length);
          }
          return functionsInTableMap.get(func2) || 0;
        }, "getFunctionAddress");
        var freeTableIndexes = [];
        var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
          if (freeTableIndexes.length) {
            return freeTableIndexes.pop();
          }
          try {
            wasmTable.grow(1);
          } catch (err2) {
            if (!(err2 instanceof RangeError)) {
              throw err2;
            }
            throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
          }
          return wasmTable.length - 1;
        }, "getEmptyTableSlot");
        var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
          wasmTable.set(idx, func2);
          wasmTableMirror[idx] = wasmTable.get(idx);
        }, "setWasmTableEntry");
        var addFunction = /* @__PURE__ */ __name((func2, sig) => {
          var rtn = getFunctionAddress(func2);
          if (rtn) {
            return rtn;
          }
          var ret = getEmptyTableSlot();
          try {
            setWasmTableEntry(ret, func2);
          } catch (err2) {
            if (!(err2 instanceof TypeError)) {
              throw err2;
            }
            var wrapped = convertJsFunctionToWasm(func2, sig);
            setWasmTableEntry(ret, wrapped);
          }
          functionsInTableMap.set(func2, ret);
          return ret;
        }, "addFunction");
        var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
          for (var symName in exports) {
            if (isInternalSym(symName)) {
              continue;
            }
            var value = exports[symName];
            GOT[symName] ||= new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            });
            if (replace || GOT[symName].value == 0) {
              if (typeof value == "function") {
                GOT[symName].value = addFunction(value);
              } else if (typeof value == "number") {
                GOT[symName].value = value;
              } else {
                err(`unhandled export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "updateGOT");
        var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
          var relocated = {};
          for (var e in exports) {
            var value = exports[e];
            if (typeof value == "object") {
              value = value.value;
            }
            if (typeof value == "number") {
              value += memoryBase2;
            }
            relocated[e] = value;
          }
          updateGOT(relocated, replace);
          return relocated;
        }, "relocateExports");
        var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
          var existing = wasmImports[symName];
          if (!existing || existing.stub) {
            return false;
          }
          return true;
        }, "isSymbolDefined");
        var dynCall = /* @__PURE__ */ __name((sig, ptr, args22 = []) => {
          var rtn = getWasmTableEntry(ptr)(...args22);
          return rtn;
        }, "dynCall");
        var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
        var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
        var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args22) => {
          var sp = stackSave();
          try {
            return dynCall(sig, ptr, args22);
          } catch (e) {
            stackRestore(sp);
            if (e !== e + 0) throw e;
            _setThrew(1, 0);
            if (sig[0] == "j") return 0n;
          }
        }, "createInvokeFunction");
        var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
          var sym;
          if (isSymbolDefined(symName)) {
            sym = wasmImports[symName];
          } else if (symName.startsWith("invoke_")) {
            sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
          }
          return {
            sym,
            name: symName
          };
        }, "resolveGlobalSymbol");
        var onPostCtors = [];
        var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
        var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
        var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
          var metadata = getDylinkMetadata(binary);
          currentModuleWeakSymbols = metadata.weakImports;
          function loadModule() {
            var memAlign = Math.pow(2, metadata.memoryAlign);
            var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
            var tableBase = metadata.tableSize ? wasmTable.length : 0;
            if (handle) {
              HEAP8[handle + 8] = 1;
              LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
              LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
              LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
              LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
            }
            if (metadata.tableSize) {
              wasmTable.grow(metadata.tableSize);
            }
            var moduleExports;
            function resolveSymbol(sym) {
              var resolved = resolveGlobalSymbol(sym).sym;
              if (!resolved && localScope) {
                resolved = localScope[sym];
              }
              if (!resolved) {
                resolved = moduleExports[sym];
              }
              return resolved;
            }
            __name(resolveSymbol, "resolveSymbol");
            var proxyHandler = {
              get(stubs, prop) {
                switch (prop) {
                  case "__memory_base":
                    return memoryBase;
                  case "__table_base":
                    return tableBase;
                }
                if (prop in wasmImports && !wasmImports[prop].stub) {
                  var res = wasmImports[prop];
                  return res;
                }
                if (!(prop in stubs)) {
                  var resolved;
                  stubs[prop] = (...args22) => {
                    resolved ||= resolveSymbol(prop);
                    return resolved(...args22);
                  };
                }
                return stubs[prop];
              }
            };
            var proxy = new Proxy({}, proxyHandler);
            var info = {
              "GOT.mem": new Proxy({}, GOTHandler),
              "GOT.func": new Proxy({}, GOTHandler),
              "env": proxy,
              "wasi_snapshot_preview1": proxy
            };
            function postInstantiation(module, instance) {
              updateTableMap(tableBase, metadata.tableSize);
              moduleExports = relocateExports(instance.exports, memoryBase);
              if (!flags.allowUndefined) {
                reportUndefinedSymbols();
              }
              function addEmAsm(addr, body) {
                var args = [];
                var arity = 0;
                for (; arity < 16; arity++) {
                  if (body.indexOf("$" + arity) != -1) {
                    args.push("$" + arity);
                  } else {
                    break;
                  }
                }
                args = args.join(",");
                var func = `(${args}) => { ${body} };`;
                ASM_CONSTS[start] = eval(func);
              }
              __name(addEmAsm, "addEmAsm");
              if ("__start_em_asm" in moduleExports) {
                var start = moduleExports["__start_em_asm"];
                var stop = moduleExports["__stop_em_asm"];
                while (start < stop) {
                  var jsString = UTF8ToString(start);
                  addEmAsm(start, jsString);
                  start = HEAPU8.indexOf(0, start) + 1;
                }
              }
              function addEmJs(name, cSig, body) {
                var jsArgs = [];
                cSig = cSig.slice(1, -1);
                if (cSig != "void") {
                  cSig = cSig.split(",");
                  for (var i in cSig) {
                    var jsArg = cSig[i].split(" ").pop();
                    jsArgs.push(jsArg.replace("*", ""));
                  }
                }
                var func = `(${jsArgs}) => ${body};`;
                moduleExports[name] = eval(func);
              }
              __name(addEmJs, "addEmJs");
              for (var name in moduleExports) {
                if (name.startsWith("__em_js__")) {
                  var start = moduleExports[name];
                  var jsString = UTF8ToString(start);
                  var parts = jsString.split("<::>");
                  addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                  delete moduleExports[name];
                }
              }
              var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
              if (applyRelocs) {
                if (runtimeInitialized) {
                  applyRelocs();
                } else {
                  __RELOC_FUNCS__.push(applyRelocs);
                }
              }
              var init = moduleExports["__wasm_call_ctors"];
              if (init) {
                if (runtimeInitialized) {
                  init();
                } else {
                  addOnPostCtor(init);
                }
              }
              return moduleExports;
            }
            __name(postInstantiation, "postInstantiation");
            if (flags.loadAsync) {
              if (binary instanceof WebAssembly.Module) {
                var instance = new WebAssembly.Instance(binary, info);
                return Promise.resolve(postInstantiation(binary, instance));
              }
              return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
            }
            var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
            var instance = new WebAssembly.Instance(module, info);
            return postInstantiation(module, instance);
          }
          __name(loadModule, "loadModule");
          if (flags.loadAsync) {
            return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
          }
          metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
          return loadModule();
        }, "loadWebAssemblyModule");
        var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
          for (var [sym, exp] of Object.entries(exports)) {
            const setImport = /* @__PURE__ */ __name((target) => {
              if (!isSymbolDefined(target)) {
                wasmImports[target] = exp;
              }
            }, "setImport");
            setImport(sym);
            const main_alias = "__main_argc_argv";
            if (sym == "main") {
              setImport(main_alias);
            }
            if (sym == main_alias) {
              setImport("main");
            }
          }
        }, "mergeLibSymbols");
        var asyncLoad = /* @__PURE__ */ __name(async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        }, "asyncLoad");
        function loadDynamicLibrary(libName2, flags2 = {
          global: true,
          nodelete: true
        }, localScope2, handle2) {
          var dso = LDSO.loadedLibsByName[libName2];
          if (dso) {
            if (!flags2.global) {
              if (localScope2) {
                Object.assign(localScope2, dso.exports);
              }
            } else if (!dso.global) {
              dso.global = true;
              mergeLibSymbols(dso.exports, libName2);
            }
            if (flags2.nodelete && dso.refcount !== Infinity) {
              dso.refcount = Infinity;
            }
            dso.refcount++;
            if (handle2) {
              LDSO.loadedLibsByHandle[handle2] = dso;
            }
            return flags2.loadAsync ? Promise.resolve(true) : true;
          }
          dso = newDSO(libName2, handle2, "loading");
          dso.refcount = flags2.nodelete ? Infinity : 1;
          dso.global = flags2.global;
          function loadLibData() {
            if (handle2) {
              var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
              var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
              if (data && dataSize) {
                var libData = HEAP8.slice(data, data + dataSize);
                return flags2.loadAsync ? Promise.resolve(libData) : libData;
              }
            }
            var libFile = locateFile(libName2);
            if (flags2.loadAsync) {
              return asyncLoad(libFile);
            }
            if (!readBinary) {
              throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
            }
            return readBinary(libFile);
          }
          __name(loadLibData, "loadLibData");
          function getExports() {
            if (flags2.loadAsync) {
              return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
            }
            return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
          }
          __name(getExports, "getExports");
          function moduleLoaded(exports) {
            if (dso.global) {
              mergeLibSymbols(exports, libName2);
            } else if (localScope2) {
              Object.assign(localScope2, exports);
            }
            dso.exports = exports;
          }
          __name(moduleLoaded, "moduleLoaded");
          if (flags2.loadAsync) {
            return getExports().then((exports) => {
              moduleLoaded(exports);
              return true;
            });
          }
          moduleLoaded(getExports());
          return true;
        }
        __name(loadDynamicLibrary, "loadDynamicLibrary");
        var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
          for (var [symName, entry] of Object.entries(GOT)) {
            if (entry.value == 0) {
              var value = resolveGlobalSymbol(symName, true).sym;
              if (!value && !entry.required) {
                continue;
              }
              if (typeof value == "function") {
                entry.value = addFunction(value, value.sig);
              } else if (typeof value == "number") {
                entry.value = value;
              } else {
                throw new Error(`bad export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "reportUndefinedSymbols");
        var loadDylibs = /* @__PURE__ */ __name(() => {
          if (!dynamicLibraries.length) {
            reportUndefinedSymbols();
            return;
          }
          addRunDependency("loadDylibs");
          dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
            loadAsync: true,
            global: true,
            nodelete: true,
            allowUndefined: true
          })), Promise.resolve()).then(() => {
            reportUndefinedSymbols();
            removeRunDependency("loadDylibs");
          });
        }, "loadDylibs");
        var noExitRuntime = Module["noExitRuntime"] || true;
        function setValue(ptr, value, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              HEAP8[ptr] = value;
              break;
            case "i8":
              HEAP8[ptr] = value;
              break;
            case "i16":
              LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
              break;
            case "i32":
              LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
              break;
            case "i64":
              HEAP64[ptr >> 3] = BigInt(value);
              break;
            case "float":
              LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
              break;
            case "double":
              LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
              break;
            case "*":
              LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
              break;
            default:
              abort(`invalid type for setValue: ${type}`);
          }
        }
        __name(setValue, "setValue");
        var ___memory_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1024);
        var ___stack_pointer = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        }, 78224);
        var ___table_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1);
        var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
        __abort_js.sig = "v";
        var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
        _emscripten_get_now.sig = "d";
        var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
        _emscripten_date_now.sig = "d";
        var nowIsMonotonic = 1;
        var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
        function _clock_time_get(clk_id, ignored_precision, ptime) {
          ignored_precision = bigintToI53Checked(ignored_precision);
          if (!checkWasiClock(clk_id)) {
            return 28;
          }
          var now;
          if (clk_id === 0) {
            now = _emscripten_date_now();
          } else if (nowIsMonotonic) {
            now = _emscripten_get_now();
          } else {
            return 52;
          }
          var nsec = Math.round(now * 1e3 * 1e3);
          HEAP64[ptime >> 3] = BigInt(nsec);
          return 0;
        }
        __name(_clock_time_get, "_clock_time_get");
        _clock_time_get.sig = "iijp";
        var getHeapMax = /* @__PURE__ */ __name(() => (
          // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
          // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
          // for any code that deals with heap sizes, which would require special
          // casing all heap size related code to treat 0 specially.
          2147483648
        ), "getHeapMax");
        var growMemory = /* @__PURE__ */ __name((size) => {
          var b2 = wasmMemory.buffer;
          var pages = (size - b2.byteLength + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        }, "growMemory");
        var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        }, "_emscripten_resize_heap");
        _emscripten_resize_heap.sig = "ip";
        var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
        _fd_close.sig = "ii";
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          return 70;
        }
        __name(_fd_seek, "_fd_seek");
        _fd_seek.sig = "iijip";
        var printCharBuffers = [null, [], []];
        var printChar = /* @__PURE__ */ __name((stream, curr) => {
          var buffer = printCharBuffers[stream];
          if (curr === 0 || curr === 10) {
            (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
            buffer.length = 0;
          } else {
            buffer.push(curr);
          }
        }, "printChar");
        var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
          if (printCharBuffers[1].length) printChar(1, 10);
          if (printCharBuffers[2].length) printChar(2, 10);
        }, "flush_NO_FILESYSTEM");
        var SYSCALLS = {
          varargs: void 0,
          getStr(ptr) {
            var ret = UTF8ToString(ptr);
            return ret;
          }
        };
        var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
          var num = 0;
          for (var i2 = 0; i2 < iovcnt; i2++) {
            var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
            var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
            iov += 8;
            for (var j = 0; j < len; j++) {
              printChar(fd, HEAPU8[ptr + j]);
            }
            num += len;
          }
          LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
          return 0;
        }, "_fd_write");
        _fd_write.sig = "iippp";
        function _tree_sitter_log_callback(isLexMessage, messageAddress) {
          if (Module.currentLogCallback) {
            const message = UTF8ToString(messageAddress);
            Module.currentLogCallback(message, isLexMessage !== 0);
          }
        }
        __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
        function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
          const INPUT_BUFFER_SIZE = 10 * 1024;
          const string = Module.currentParseCallback(index, {
            row,
            column
          });
          if (typeof string === "string") {
            setValue(lengthAddress, string.length, "i32");
            stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
          } else {
            setValue(lengthAddress, 0, "i32");
          }
        }
        __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
        function _tree_sitter_progress_callback(currentOffset, hasError) {
          if (Module.currentProgressCallback) {
            return Module.currentProgressCallback({
              currentOffset,
              hasError
            });
          }
          return false;
        }
        __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
        function _tree_sitter_query_progress_callback(currentOffset) {
          if (Module.currentQueryProgressCallback) {
            return Module.currentQueryProgressCallback({
              currentOffset
            });
          }
          return false;
        }
        __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
        var runtimeKeepaliveCounter = 0;
        var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
        var _proc_exit = /* @__PURE__ */ __name((code) => {
          EXITSTATUS = code;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code);
            ABORT = true;
          }
          quit_(code, new ExitStatus(code));
        }, "_proc_exit");
        _proc_exit.sig = "vi";
        var exitJS = /* @__PURE__ */ __name((status, implicit) => {
          EXITSTATUS = status;
          _proc_exit(status);
        }, "exitJS");
        var handleException = /* @__PURE__ */ __name((e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        }, "handleException");
        var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
          var len = 0;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var c = str.charCodeAt(i2);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i2;
            } else {
              len += 3;
            }
          }
          return len;
        }, "lengthBytesUTF8");
        var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var u = str.charCodeAt(i2);
            if (u >= 55296 && u <= 57343) {
              var u1 = str.charCodeAt(++i2);
              u = 65536 + ((u & 1023) << 10) | u1 & 1023;
            }
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        }, "stringToUTF8Array");
        var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
        var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
        var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
          var size = lengthBytesUTF8(str) + 1;
          var ret = stackAlloc(size);
          stringToUTF8(str, ret, size);
          return ret;
        }, "stringToUTF8OnStack");
        var AsciiToString = /* @__PURE__ */ __name((ptr) => {
          var str = "";
          while (1) {
            var ch = HEAPU8[ptr++];
            if (!ch) return str;
            str += String.fromCharCode(ch);
          }
        }, "AsciiToString");
        var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
          maxBytesToWrite ??= 2147483647;
          if (maxBytesToWrite < 2) return 0;
          maxBytesToWrite -= 2;
          var startPtr = outPtr;
          var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
          for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
            var codeUnit = str.charCodeAt(i2);
            LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
            outPtr += 2;
          }
          LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
          return outPtr - startPtr;
        }, "stringToUTF16");
        var wasmImports = {
          /** @export */
          __heap_base: ___heap_base,
          /** @export */
          __indirect_function_table: wasmTable,
          /** @export */
          __memory_base: ___memory_base,
          /** @export */
          __stack_pointer: ___stack_pointer,
          /** @export */
          __table_base: ___table_base,
          /** @export */
          _abort_js: __abort_js,
          /** @export */
          clock_time_get: _clock_time_get,
          /** @export */
          emscripten_resize_heap: _emscripten_resize_heap,
          /** @export */
          fd_close: _fd_close,
          /** @export */
          fd_seek: _fd_seek,
          /** @export */
          fd_write: _fd_write,
          /** @export */
          memory: wasmMemory,
          /** @export */
          tree_sitter_log_callback: _tree_sitter_log_callback,
          /** @export */
          tree_sitter_parse_callback: _tree_sitter_parse_callback,
          /** @export */
          tree_sitter_progress_callback: _tree_sitter_progress_callback,
          /** @export */
          tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
        };
        var wasmExports = await createWasm();
        var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
        var _malloc = Module["_malloc"] = wasmExports["malloc"];
        var _calloc = Module["_calloc"] = wasmExports["calloc"];
        var _realloc = Module["_realloc"] = wasmExports["realloc"];
        var _free = Module["_free"] = wasmExports["free"];
        var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
        var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
        var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
        var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
        var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
        var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
        var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
        var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
        var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
        var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
        var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
        var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
        var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
        var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
        var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
        var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
        var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
        var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
        var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
        var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
        var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
        var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
        var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
        var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
        var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
        var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
        var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
        var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
        var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
        var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
        var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
        var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
        var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
        var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
        var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
        var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
        var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
        var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
        var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
        var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
        var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
        var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
        var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
        var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
        var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
        var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
        var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
        var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
        var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
        var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
        var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
        var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
        var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
        var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
        var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
        var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
        var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
        var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
        var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
        var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
        var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
        var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
        var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
        var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
        var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
        var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
        var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
        var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
        var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
        var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
        var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
        var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
        var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
        var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
        var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
        var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
        var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
        var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
        var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
        var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
        var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
        var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
        var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
        var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
        var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
        var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
        var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
        var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
        var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
        var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
        var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
        var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
        var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
        var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
        var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
        var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
        var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
        var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
        var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
        var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
        var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
        var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
        var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
        var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
        var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
        var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
        var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
        var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
        var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
        var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
        var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
        var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
        var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
        var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
        var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
        var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
        var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
        var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
        var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
        var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
        var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
        var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
        var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
        var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
        var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
        var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
        var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
        var _memset = Module["_memset"] = wasmExports["memset"];
        var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
        var _memmove = Module["_memmove"] = wasmExports["memmove"];
        var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
        var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
        var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
        var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
        var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
        var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
        var _memchr = Module["_memchr"] = wasmExports["memchr"];
        var _strlen = Module["_strlen"] = wasmExports["strlen"];
        var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
        var _strncat = Module["_strncat"] = wasmExports["strncat"];
        var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
        var _towlower = Module["_towlower"] = wasmExports["towlower"];
        var _towupper = Module["_towupper"] = wasmExports["towupper"];
        var _setThrew = wasmExports["setThrew"];
        var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
        var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
        var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
        var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
        Module["setValue"] = setValue;
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        Module["AsciiToString"] = AsciiToString;
        Module["stringToUTF16"] = stringToUTF16;
        Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
        function callMain(args22 = []) {
          var entryFunction = resolveGlobalSymbol("main").sym;
          if (!entryFunction) return;
          args22.unshift(thisProgram);
          var argc = args22.length;
          var argv = stackAlloc((argc + 1) * 4);
          var argv_ptr = argv;
          args22.forEach((arg) => {
            LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
            argv_ptr += 4;
          });
          LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
          try {
            var ret = entryFunction(argc, argv);
            exitJS(
              ret,
              /* implicit = */
              true
            );
            return ret;
          } catch (e) {
            return handleException(e);
          }
        }
        __name(callMain, "callMain");
        function run(args22 = arguments_) {
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          preRun();
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          function doRun() {
            Module["calledRun"] = true;
            if (ABORT) return;
            initRuntime();
            preMain();
            readyPromiseResolve(Module);
            Module["onRuntimeInitialized"]?.();
            var noInitialRun = Module["noInitialRun"];
            if (!noInitialRun) callMain(args22);
            postRun();
          }
          __name(doRun, "doRun");
          if (Module["setStatus"]) {
            Module["setStatus"]("Running...");
            setTimeout(() => {
              setTimeout(() => Module["setStatus"](""), 1);
              doRun();
            }, 1);
          } else {
            doRun();
          }
        }
        __name(run, "run");
        if (Module["preInit"]) {
          if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
          while (Module["preInit"].length > 0) {
            Module["preInit"].pop()();
          }
        }
        run();
        moduleRtn = readyPromise;
        return moduleRtn;
      };
    })();
    tree_sitter_default = Module2;
    Module3 = null;
    __name(initializeBinding, "initializeBinding");
    __name(checkModule, "checkModule");
    Parser = class {
      static {
        __name(this, "Parser");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for WASM
      /** @internal */
      [1] = 0;
      // Internal handle for WASM
      /** @internal */
      logCallback = null;
      /** The parser's current language. */
      language = null;
      /**
       * This must always be called before creating a Parser.
       *
       * You can optionally pass in options to configure the WASM module, the most common
       * one being `locateFile` to help the module find the `.wasm` file.
       */
      static async init(moduleOptions) {
        setModule(await initializeBinding(moduleOptions));
        TRANSFER_BUFFER = C._ts_init();
        LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
        MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /**
       * Create a new parser.
       */
      constructor() {
        this.initialize();
      }
      /** @internal */
      initialize() {
        if (!checkModule()) {
          throw new Error("cannot construct a Parser before calling `init()`");
        }
        C._ts_parser_new_wasm();
        this[0] = C.getValue(TRANSFER_BUFFER, "i32");
        this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /** Delete the parser, freeing its resources. */
      delete() {
        C._ts_parser_delete(this[0]);
        C._free(this[1]);
        this[0] = 0;
        this[1] = 0;
      }
      /**
       * Set the language that the parser should use for parsing.
       *
       * If the language was not successfully assigned, an error will be thrown.
       * This happens if the language was generated with an incompatible
       * version of the Tree-sitter CLI. Check the language's version using
       * {@link Language#version} and compare it to this library's
       * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
       */
      setLanguage(language) {
        let address;
        if (!language) {
          address = 0;
          this.language = null;
        } else if (language.constructor === Language) {
          address = language[0];
          const version = C._ts_language_version(address);
          if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
            throw new Error(
              `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
            );
          }
          this.language = language;
        } else {
          throw new Error("Argument must be a Language");
        }
        C._ts_parser_set_language(this[0], address);
        return this;
      }
      /**
       * Parse a slice of UTF8 text.
       *
       * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
       *
       * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
       *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
       *   the new text using {@link Tree#edit}.
       *
       * @param {ParseOptions} [options] - Options for parsing the text.
       *  This can be used to set the included ranges, or a progress callback.
       *
       * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
       *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
       *  - The progress callback returned true.
       */
      parse(callback, oldTree, options) {
        if (typeof callback === "string") {
          C.currentParseCallback = (index) => callback.slice(index);
        } else if (typeof callback === "function") {
          C.currentParseCallback = callback;
        } else {
          throw new Error("Argument must be a string or a function");
        }
        if (options?.progressCallback) {
          C.currentProgressCallback = options.progressCallback;
        } else {
          C.currentProgressCallback = null;
        }
        if (this.logCallback) {
          C.currentLogCallback = this.logCallback;
          C._ts_parser_enable_logger_wasm(this[0], 1);
        } else {
          C.currentLogCallback = null;
          C._ts_parser_enable_logger_wasm(this[0], 0);
        }
        let rangeCount = 0;
        let rangeAddress = 0;
        if (options?.includedRanges) {
          rangeCount = options.includedRanges.length;
          rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
          let address = rangeAddress;
          for (let i2 = 0; i2 < rangeCount; i2++) {
            marshalRange(address, options.includedRanges[i2]);
            address += SIZE_OF_RANGE;
          }
        }
        const treeAddress = C._ts_parser_parse_wasm(
          this[0],
          this[1],
          oldTree ? oldTree[0] : 0,
          rangeAddress,
          rangeCount
        );
        if (!treeAddress) {
          C.currentParseCallback = null;
          C.currentLogCallback = null;
          C.currentProgressCallback = null;
          return null;
        }
        if (!this.language) {
          throw new Error("Parser must have a language to parse");
        }
        const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
        C.currentParseCallback = null;
        C.currentLogCallback = null;
        C.currentProgressCallback = null;
        return result;
      }
      /**
       * Instruct the parser to start the next parse from the beginning.
       *
       * If the parser previously failed because of a timeout, cancellation,
       * or callback, then by default, it will resume where it left off on the
       * next call to {@link Parser#parse} or other parsing functions.
       * If you don't want to resume, and instead intend to use this parser to
       * parse some other document, you must call `reset` first.
       */
      reset() {
        C._ts_parser_reset(this[0]);
      }
      /** Get the ranges of text that the parser will include when parsing. */
      getIncludedRanges() {
        C._ts_parser_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /**
       * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
       *
       * Get the duration in microseconds that parsing is allowed to take.
       *
       * This is set via {@link Parser#setTimeoutMicros}.
       */
      getTimeoutMicros() {
        return C._ts_parser_timeout_micros(this[0]);
      }
      /**
       * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
       *
       * Set the maximum duration in microseconds that parsing should be allowed
       * to take before halting.
       *
       * If parsing takes longer than this, it will halt early, returning `null`.
       * See {@link Parser#parse} for more information.
       */
      setTimeoutMicros(timeout) {
        C._ts_parser_set_timeout_micros(this[0], 0, timeout);
      }
      /** Set the logging callback that a parser should use during parsing. */
      setLogger(callback) {
        if (!callback) {
          this.logCallback = null;
        } else if (typeof callback !== "function") {
          throw new Error("Logger callback must be a function");
        } else {
          this.logCallback = callback;
        }
        return this;
      }
      /** Get the parser's current logger. */
      getLogger() {
        return this.logCallback;
      }
    };
  }
});

// src/model/interp/ts-parser.ts
var ts_parser_exports = {};
__export(ts_parser_exports, {
  cParserSync: () => cParserSync,
  loadCParser: () => loadCParser,
  locateWasm: () => locateWasm,
  withTree: () => withTree
});
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function locateWasm() {
  const here = dirname(fileURLToPath(import.meta.url));
  const find = (pkgPath, file) => {
    const tried = [];
    try {
      const p = createRequire(import.meta.url).resolve(pkgPath);
      if (existsSync(p)) return p;
      tried.push(p);
    } catch (e) {
      tried.push(`${pkgPath} (${e.message.split("\n")[0]})`);
    }
    for (const dir2 of [here, join(here, ".."), join(here, "wasm")]) {
      const p = join(dir2, file);
      if (existsSync(p)) return p;
      tried.push(p);
    }
    throw new Error(`cannot find ${file}; tried: ${tried.join(", ")}`);
  };
  return {
    runtime: find("web-tree-sitter/tree-sitter.wasm", "tree-sitter.wasm"),
    grammar: find("tree-sitter-c/tree-sitter-c.wasm", "tree-sitter-c.wasm")
  };
}
function loadCParser() {
  if (ready) return Promise.resolve(ready);
  if (!loading) {
    loading = (async () => {
      const wasm = locateWasm();
      await Parser.init({ locateFile: () => wasm.runtime });
      const lang = await Language.load(wasm.grammar);
      const p = new Parser();
      p.setLanguage(lang);
      ready = p;
      return p;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
function cParserSync() {
  if (!ready) throw new Error("C parser not initialised: await loadCParser() first");
  return ready;
}
function withTree(text, use) {
  const tree = cParserSync().parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
var loading, ready;
var init_ts_parser = __esm({
  "src/model/interp/ts-parser.ts"() {
    "use strict";
    init_tree_sitter();
    loading = null;
    ready = null;
  }
});

// src/model/code-digest.ts
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function modelCodeDigest() {
  if (digest !== void 0) return digest;
  try {
    const h = createHash("sha256");
    const root = fileURLToPath2(new URL("./", import.meta.url));
    const walk2 = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b2) => a.name < b2.name ? -1 : 1)) {
        const p = join2(d, e.name);
        if (e.isDirectory()) walk2(p);
        else if (/\.(js|ts|c|h|patch|json)$/.test(e.name)) h.update(p.slice(root.length)).update("\0").update(readFileSync(p)).update("\0");
      }
    };
    walk2(join2(root, "interp"));
    walk2(join2(root, "kernel"));
    walk2(join2(root, "scenario"));
    walk2(join2(root, "source"));
    h.update(readFileSync(fileURLToPath2(import.meta.url)));
    const { runtime, grammar } = locateWasm();
    h.update(readFileSync(runtime)).update(readFileSync(grammar));
    digest = h.digest("hex");
  } catch {
    digest = null;
  }
  return digest;
}
var digest;
var init_code_digest = __esm({
  "src/model/code-digest.ts"() {
    "use strict";
    init_ts_parser();
  }
});

// src/replay/outcome-codec.ts
function kindOf(v) {
  if (typeof v === "string") return "s";
  if (v === void 0) return "u";
  if (typeof v === "number") return (v | 0) === v && !Object.is(v, -0) ? "n" : null;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return "a";
  return null;
}
function fits(ev, shape2) {
  let i2 = 0;
  for (const k in ev) {
    if (k !== shape2.keys[i2] || kindOf(ev[k]) !== shape2.kinds[i2]) return false;
    i2++;
  }
  return i2 === shape2.keys.length;
}
function encodeOutcome(o) {
  const strings = [];
  const stringIds = /* @__PURE__ */ new Map();
  const str = (s) => {
    let id = stringIds.get(s);
    if (id === void 0) stringIds.set(s, id = strings.push(s) - 1);
    return id;
  };
  const shapes = [];
  const byType = /* @__PURE__ */ new Map();
  const data = new IntList();
  for (const event of o.trace) {
    const ev = event;
    let list2 = byType.get(ev.t);
    if (!list2) byType.set(ev.t, list2 = []);
    let shape2 = list2.find((sh) => fits(ev, sh));
    if (!shape2) {
      const keys = Object.keys(ev);
      const kinds = [];
      for (const k of keys) {
        const kind = kindOf(ev[k]);
        if (kind === null) return null;
        kinds.push(kind);
      }
      shape2 = { id: shapes.push({ keys, kinds }) - 1, keys, kinds };
      list2.push(shape2);
    }
    data.push(shape2.id);
    for (let i2 = 0; i2 < shape2.keys.length; i2++) {
      const v = ev[shape2.keys[i2]];
      switch (shape2.kinds[i2]) {
        case "s":
          data.push(str(v));
          break;
        case "n":
          data.push(v);
          break;
        case "a":
          data.push(v.length);
          for (const x of v) data.push(str(x));
          break;
        default:
      }
    }
  }
  const head2 = { outcome: { ...o, trace: null }, strings, shapes, events: o.trace.length };
  const json = Buffer.from(JSON.stringify(head2), "utf8");
  const headBytes = json.length + 3 & ~3;
  const out2 = Buffer.alloc(8 + headBytes + data.length * 4);
  out2.writeUInt32LE(MAGIC, 0);
  out2.writeUInt32LE(json.length, 4);
  json.copy(out2, 8);
  new Int32Array(out2.buffer, out2.byteOffset + 8 + headBytes, data.length).set(data.data.subarray(0, data.length));
  return out2;
}
function readerOf(shape2) {
  const fields = shape2.keys.map((key2, i2) => {
    if (key2 === "__proto__") throw new Error("encoded outcome: an event key this decoder does not make");
    return `${JSON.stringify(key2)}: ${valueOf(shape2.kinds[i2])}`;
  });
  const make = new Function("list", `return (data, strings, cursor) => ({ ${fields.join(", ")} });`);
  return make(list);
}
function valueOf(kind) {
  switch (kind) {
    case "s":
      return "strings[data[cursor.at++]]";
    case "n":
      return "data[cursor.at++]";
    case "a":
      return "list(data, strings, cursor)";
    case "u":
      return "undefined";
    default:
      throw new Error("encoded outcome: unknown kind of value");
  }
}
function list(data, strings, cursor) {
  const n = data[cursor.at++];
  const out2 = new Array(n);
  for (let j = 0; j < n; j++) out2[j] = strings[data[cursor.at++]];
  return out2;
}
function decodeOutcome(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error("not an encoded outcome");
  const jsonLength = buf.readUInt32LE(4);
  const headBytes = jsonLength + 3 & ~3;
  if (8 + headBytes > buf.length || (buf.length - 8 - headBytes) % 4) throw new Error("encoded outcome cut short");
  const head2 = JSON.parse(buf.toString("utf8", 8, 8 + jsonLength));
  const data = new Int32Array(buf.buffer.slice(buf.byteOffset + 8 + headBytes, buf.byteOffset + buf.length));
  const { strings, shapes } = head2;
  const readers = shapes.map(readerOf);
  const trace = new Array(head2.events);
  const cursor = { at: 0 };
  for (let e = 0; e < head2.events; e++) {
    const read = readers[data[cursor.at++]];
    if (!read) throw new Error("encoded outcome: unknown event shape");
    trace[e] = read(data, strings, cursor);
  }
  if (cursor.at !== data.length) throw new Error("encoded outcome: events and data disagree");
  const outcome = head2.outcome;
  outcome.trace = trace;
  return outcome;
}
var MAGIC, IntList;
var init_outcome_codec = __esm({
  "src/replay/outcome-codec.ts"() {
    "use strict";
    MAGIC = 1280462641;
    IntList = class {
      data = new Int32Array(1 << 16);
      length = 0;
      push(v) {
        if (this.length === this.data.length) {
          const more2 = new Int32Array(this.data.length * 2);
          more2.set(this.data);
          this.data = more2;
        }
        this.data[this.length++] = v;
      }
    };
  }
});

// src/replay/baseline-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdirSync, readFileSync as readFileSync2, renameSync, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from "node:zlib";
import { fileURLToPath as fileURLToPath3 } from "node:url";
function useBaselineCache(path) {
  dir = path;
}
function baselineCacheDir() {
  return dir;
}
function baselineName(of, scenario) {
  const code = modelCodeDigest();
  if (!code) return null;
  const h = createHash2("sha256");
  h.update(code).update("\0");
  h.update(of.kernel).update("\0").update(of.config.join(",")).update("\0");
  for (const s of of.sources) h.update(s.path).update("\0").update(s.text).update("\0");
  const { source: _source, ...what } = scenario;
  h.update(JSON.stringify(what, (_k, v) => typeof v === "bigint" ? `${v}n` : v));
  return `${h.digest("hex")}.br`;
}
function shippedBaselineDir() {
  return fileURLToPath3(new URL("../baselines/", import.meta.url));
}
function cachedBaseline(of, scenario) {
  const cacheDir = dir;
  const name2 = cacheDir && baselineName(of, scenario);
  if (!cacheDir || !name2) return null;
  for (const d of [shippedBaselineDir(), cacheDir]) {
    let bytes;
    try {
      bytes = readFileSync2(join3(d, name2));
    } catch {
      continue;
    }
    try {
      return decodeOutcome(brotliDecompressSync(bytes));
    } catch {
    }
  }
  return null;
}
function keepBaseline(of, scenario, outcome, into = dir) {
  const name2 = into && baselineName(of, scenario);
  if (!name2) return;
  const bytes = encodeOutcome(outcome);
  if (!bytes) return;
  const packed = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const file = join3(into, name2);
  try {
    mkdirSync(into, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, packed);
    renameSync(tmp, file);
  } catch {
  }
}
var dir;
var init_baseline_cache = __esm({
  "src/replay/baseline-cache.ts"() {
    "use strict";
    init_code_digest();
    init_outcome_codec();
    dir = null;
  }
});

// src/replay/trace-read.ts
function addressRenamer() {
  const r = new Renamer();
  return (s) => r.rename(s);
}
function firstKeyDifference(b2, v) {
  const tb = b2.trace;
  const tv = v.trace;
  const n = Math.min(tb.length, tv.length);
  let j = 0;
  while (j < n && sameFields(tb[j], b2, tv[j], v)) j++;
  if (j === tb.length && j === tv.length) return null;
  const common = new Renamer();
  for (let i2 = 0; i2 < j; i2++) if (mayHoldAddress(tb[i2])) common.rename(eventKey(tb[i2], b2));
  const rb = common.clone();
  const rv = common;
  for (let i2 = j; i2 < n; i2++) if (rb.rename(eventKey(tb[i2], b2)) !== rv.rename(eventKey(tv[i2], v))) return i2;
  return tb.length === tv.length ? null : n;
}
function sameFields(x, ox, y, oy) {
  if (x.t !== y.t) return false;
  switch (x.t) {
    case "call": {
      const c = y;
      if (x.fn !== c.fn || x.depth !== c.depth || x.thread !== c.thread) return false;
      const a = x.args ?? [];
      const d = c.args ?? [];
      if (a.length !== d.length) return false;
      for (let i2 = 0; i2 < a.length; i2++) if (a[i2] !== d[i2]) return false;
      return true;
    }
    case "return": {
      const r = y;
      return x.fn === r.fn && x.depth === r.depth && x.thread === r.thread && (x.value ?? "") === (r.value ?? "");
    }
    case "lock": {
      const l = y;
      return x.op === l.op && x.lock === l.lock && x.thread === l.thread && x.fn === l.fn;
    }
    default:
      return eventKey(x, ox) === eventKey(y, oy);
  }
}
function mayHoldAddress(e) {
  switch (e.t) {
    case "call":
      return e.fn.includes("0xffff") || e.thread.includes("0xffff") || (e.args ?? []).some((a) => a.includes("0xffff"));
    case "return":
      return e.fn.includes("0xffff") || e.thread.includes("0xffff") || (e.value ?? "").includes("0xffff");
    case "lock":
      return e.lock.includes("0xffff") || e.thread.includes("0xffff") || e.fn.includes("0xffff");
    default:
      return true;
  }
}
function dropPositions(s) {
  return s.replace(/ at [\w./-]+\.[ch]:\d+/g, "").replace(/\b([\w./-]+\.[ch]):\d+\b/g, "$1");
}
function eventKey(e, o) {
  switch (e.t) {
    case "call":
      return `call|${e.thread}|${e.depth}|${e.fn}|${(e.args ?? []).join(",")}`;
    case "return":
      return `ret|${e.thread}|${e.depth}|${e.fn}|${e.value ?? ""}`;
    case "notifier":
      return `ntf|${notifierKey(o.notifiers[e.index])}`;
    case "lock":
      return `lock|${e.op}|${e.lock}|${e.thread}|${e.fn}`;
    case "fault":
      return `fault|${e.addr}|${e.kind}|${e.thread}|${e.fn}`;
    case "retry":
      return `retry|${e.fn}|${e.pass}|${e.thread}`;
    case "hazard": {
      const h = o.hazards[e.index];
      return `hazard|${h ? `${h.kind}|${h.function}|${dropPositions(h.detail)}` : e.index}`;
    }
    case "note":
      return `note|${e.fn}|${dropPositions(e.text)}`;
  }
}
function eventShape(e, o) {
  switch (e.t) {
    case "notifier": {
      const n = o.notifiers[e.index];
      return n ? `ntf|${notifierGroupKey(n, false)}` : eventKey(e, o);
    }
    case "lock":
      return `lock|${e.op}|${e.thread}|${e.fn}`;
    case "fault":
      return `fault|${e.kind}|${e.thread}|${e.fn}`;
    case "retry":
      return `retry|${e.fn}|${e.thread}`;
    case "hazard": {
      const h = o.hazards[e.index];
      return h ? `hazard|${h.kind}|${h.function}` : eventKey(e, o);
    }
    default:
      return eventKey(e, o);
  }
}
function notifierKey(n) {
  if (!n) return "?";
  return `${n.event}|${n.owner ?? "NULL"}|${n.start}|${n.end}|${n.stack.join(">")}|${n.subscribers.map((s) => `${s.name}:${s.action}`).join(",")}`;
}
function notifierGroupKey(n, names = true) {
  const { issuer: issuer2, via } = issuerOf(n.stack);
  const subs = n.subscribers.map((s) => names ? `${s.name}:${s.action}` : s.action).join(",");
  return `${n.event}|${n.owner ?? "NULL"}|${issuer2}|${via.join("<")}|${subs}`;
}
function threadAt(trace, index) {
  for (let i2 = Math.min(index, trace.length - 1); i2 >= 0; i2--) {
    const e = trace[i2];
    if ("thread" in e) return e.thread;
  }
  return "main";
}
function issuerOf(stack) {
  let end = stack.length;
  while (end > 0 && /^_*mmu_notifier_/.test(stack[end - 1])) end--;
  const issuer2 = stack[end - 1] ?? null;
  const via = stack.slice(Math.max(0, end - 3), end - 1).reverse();
  return { issuer: issuer2, via };
}
function notifierGroup(n) {
  const { issuer: issuer2, via } = issuerOf(n.stack);
  return { event: n.event, owner: n.owner, issuer: issuer2, via, subscribers: n.subscribers.map((s) => ({ name: s.name, action: s.action })) };
}
function calleesOf(trace, from, fn) {
  let start2 = -1;
  for (let i2 = from; i2 < trace.length && i2 <= from + 4; i2++) {
    const e = trace[i2];
    if (e.t === "call" && e.fn === fn) {
      start2 = i2;
      break;
    }
  }
  if (start2 < 0) return [];
  const first = trace[start2];
  const out2 = [];
  for (let i2 = start2 + 1; i2 < trace.length; i2++) {
    const e = trace[i2];
    if (e.t === "return" && e.depth === first.depth && e.thread === first.thread) break;
    if (e.t === "call" && e.depth === first.depth + 1 && e.thread === first.thread && !BORING_CALLEES.has(e.fn)) {
      const args3 = e.args ?? [];
      if (!out2.some((c) => c.fn === e.fn && c.args.join(", ") === args3.join(", "))) out2.push({ fn: e.fn, args: [...args3] });
      if (out2.length >= 2) break;
    }
  }
  return out2;
}
function notifierFact(o, index, traceAt) {
  const n = o.notifiers[index];
  const { issuer: issuer2, via } = issuerOf(n.stack);
  let at2 = traceAt;
  const subscribers = n.subscribers.map((s) => {
    let calls = [];
    if (at2 !== null) {
      calls = calleesOf(o.trace, at2, s.name);
      for (let i2 = at2 + 1; i2 < o.trace.length; i2++) {
        const e = o.trace[i2];
        if (e.t === "return" && e.fn === s.name) {
          at2 = i2;
          break;
        }
        if (e.t === "notifier") break;
      }
    }
    return { name: s.name, action: s.action, calls };
  });
  return { kind: "notifier", event: n.event, owner: n.owner, start: n.start, end: n.end, issuer: issuer2, via, subscribers };
}
function retryCheck(trace, at2, thread) {
  for (let i2 = at2 - 1; i2 >= 0 && i2 >= at2 - 6; i2--) {
    const e = trace[i2];
    if (e.t === "return" && e.thread === thread) return e.fn;
  }
  return null;
}
function holderOf(trace, at2, lock) {
  for (let i2 = at2 - 1; i2 >= 0; i2--) {
    const e = trace[i2];
    if (e.t !== "lock" || e.lock !== lock) continue;
    if (e.op === "release") return null;
    if (e.op === "acquire") return { thread: e.thread, fn: e.fn, index: i2 };
  }
  return null;
}
function significantKind(e, o) {
  switch (e.t) {
    case "notifier":
      return o.notifiers[e.index] ? "notifier" : null;
    case "retry":
      return "retry";
    case "fault":
      return "fault";
    case "lock":
      return e.op === "block" || e.op === "trylock-fail" ? "lock" : null;
    case "hazard":
      return o.hazards[e.index] ? "hazard" : null;
    case "note":
      return e.fn === "(scenario)" ? "step" : null;
    default:
      return null;
  }
}
function significant(o, i2, thread, pass, kind, ren, passAt) {
  const trace = o.trace;
  const e = trace[i2];
  let fact = null;
  const make = () => {
    switch (e.t) {
      case "notifier":
        return notifierFact(o, e.index, i2);
      case "retry":
        return { kind: "retry", fn: e.fn, pass: e.pass, check: retryCheck(trace, i2, e.thread) };
      case "fault":
        return { kind: "fault", fn: e.fn, addr: e.addr, access: e.kind };
      case "lock": {
        const h = holderOf(trace, i2, e.lock);
        const holder = h ? { thread: h.thread, fn: h.fn, pass: passOf(passAt, h.index, h.thread) } : null;
        return { kind: "lock", op: e.op, fn: e.fn, lock: e.lock, thread: e.thread, holder };
      }
      case "hazard": {
        const hz = o.hazards[e.index];
        return { kind: "hazard", hazard: hz.kind, function: hz.function, detail: dropPositions(hz.detail) };
      }
      case "note":
        return { kind: "note", fn: e.fn, text: e.text };
      default:
        throw new Error(`trace event ${i2} (${e.t}) is not significant`);
    }
  };
  return {
    index: i2,
    thread,
    pass,
    kind,
    key: ren(eventKey(e, o)),
    shape: ren(eventShape(e, o)),
    get fact() {
      return fact ??= make();
    }
  };
}
function significantEvents(o, from = 0) {
  const ren = addressRenamer();
  const pass = /* @__PURE__ */ new Map();
  const passAt = [];
  const out2 = [];
  const trace = o.trace;
  let lastThread = "main";
  for (let i2 = 0; i2 < trace.length; i2++) {
    const e = trace[i2];
    if ("thread" in e) lastThread = e.thread;
    const thread = lastThread;
    const p = pass.get(thread) ?? 1;
    if (e.t === "retry") {
      pass.set(e.thread, e.pass);
      passAt.push({ index: i2, thread: e.thread, pass: e.pass });
    }
    if (i2 < from) continue;
    const kind = significantKind(e, o);
    if (kind) out2.push(significant(o, i2, thread, p, kind, ren, passAt));
  }
  return out2;
}
function passOf(passAt, index, thread) {
  let p = 1;
  for (const x of passAt) if (x.index < index && x.thread === thread) p = x.pass;
  return p;
}
function runEnd(o, withStack) {
  const detail = withStack ? o.detail : o.detail.replace(/ \[stack: [^\]]*\]/, "");
  return { verdict: o.verdict, result: o.result, detail: dropPositions(detail) };
}
function eventFact(o, index, caller, withArgs) {
  const e = o.trace[index];
  if (!e) return { kind: "end", ...runEnd(o, true) };
  switch (e.t) {
    case "call":
      return { kind: "call", caller, fn: e.fn, args: withArgs ? [...e.args ?? []] : null };
    case "return":
      return { kind: "return", fn: e.fn, value: e.value ?? null };
    case "notifier":
      return notifierFact(o, e.index, index);
    case "lock":
      return { kind: "lock", op: e.op, fn: e.fn, lock: e.lock, thread: e.thread };
    case "fault":
      return { kind: "fault", fn: e.fn, addr: e.addr, access: e.kind };
    case "retry":
      return { kind: "retry", fn: e.fn, pass: e.pass, check: null };
    case "hazard": {
      const h = o.hazards[e.index];
      return { kind: "hazard", hazard: h.kind, function: h.function, detail: dropPositions(h.detail) };
    }
    case "note":
      return { kind: "note", fn: e.fn, text: e.text };
  }
}
var Renamer, Stacks, BORING_CALLEES;
var init_trace_read = __esm({
  "src/replay/trace-read.ts"() {
    "use strict";
    Renamer = class _Renamer {
      constructor(names = /* @__PURE__ */ new Map()) {
        this.names = names;
      }
      names;
      one = (m) => {
        let n = this.names.get(m);
        if (!n) this.names.set(m, n = `K${this.names.size}`);
        return n;
      };
      /** Most texts hold no kernel address: no regex, no new string. */
      rename(s) {
        return s.includes("0xffff") ? s.replace(/0xffff[0-9a-f]{8,12}/g, this.one) : s;
      }
      clone() {
        return new _Renamer(new Map(this.names));
      }
    };
    Stacks = class {
      constructor(trace) {
        this.trace = trace;
      }
      trace;
      cur = /* @__PURE__ */ new Map();
      at = 0;
      /** The stack of `thread` just before event `index` (call events show the caller's stack). */
      before(index, thread) {
        if (index < this.at) {
          this.cur.clear();
          this.at = 0;
        }
        for (; this.at < index && this.at < this.trace.length; this.at++) {
          const e = this.trace[this.at];
          if (e.t !== "call" && e.t !== "return") continue;
          const st = this.cur.get(e.thread) ?? [];
          if (e.t === "call") {
            st.length = e.depth - 1;
            st.push(e.fn);
          } else st.length = Math.max(0, e.depth - 1);
          this.cur.set(e.thread, st);
        }
        return [...this.cur.get(thread) ?? []];
      }
    };
    BORING_CALLEES = /* @__PURE__ */ new Set(["mmu_notifier_range_blockable", "mmu_interval_set_seq", "mm_has_notifiers"]);
  }
});

// src/replay/first-cause.ts
function analysePair(baseline, variant) {
  const i2 = firstKeyDifference(baseline, variant);
  if (i2 === null) return { divergence: null, gained: [], lost: [], variant, baseline };
  const sb = significantEvents(baseline, i2);
  const sv = significantEvents(variant, i2);
  const { gained, lost } = matchForward(sb, sv);
  return { divergence: { baseline: pointAt(baseline, i2, variant), variant: pointAt(variant, i2, baseline) }, gained, lost, variant, baseline };
}
function pointAt(o, index, other) {
  const thread = threadAt(o.trace, index);
  const stack = new Stacks(o.trace).before(index, thread);
  const e = o.trace[index];
  const oe = other.trace[index];
  const withArgs = e?.t === "call" && oe?.t === "call" && e.fn === oe.fn;
  return { index, thread, event: eventFact(o, index, stack[stack.length - 1] ?? null, withArgs), stack };
}
function matchForward(base, variant) {
  const positions = /* @__PURE__ */ new Map();
  base.forEach((s, i2) => {
    const l = positions.get(s.key);
    if (l) l.push(i2);
    else positions.set(s.key, [i2]);
  });
  const used = new Array(base.length).fill(false);
  const gained = [];
  let p = 0;
  for (const v of variant) {
    const l = positions.get(v.key);
    const q = l ? firstAtOrAfter(l, p) : -1;
    if (q < 0) {
      gained.push(v);
      continue;
    }
    used[q] = true;
    p = q + 1;
  }
  return { gained, lost: base.filter((_, i2) => !used[i2]) };
}
function firstAtOrAfter(sorted, p) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : -1;
}
function resultOrigin(o) {
  if (o.result === null) return null;
  const want = String(o.result);
  const t = o.trace;
  let j = -1;
  for (let i2 = t.length - 1; i2 >= 0; i2--) {
    const e = t[i2];
    if (e.t === "return" && e.depth === 1 && e.value === want) {
      j = i2;
      break;
    }
  }
  if (j < 0) return null;
  const chain = [j];
  for (; ; ) {
    const outer = t[chain[chain.length - 1]];
    let found = -1;
    for (let i2 = chain[chain.length - 1] - 1; i2 >= 0; i2--) {
      const e = t[i2];
      if (e.t === "call" && e.thread === outer.thread && e.depth === outer.depth) break;
      if (e.t === "return" && e.thread === outer.thread && e.depth === outer.depth + 1 && e.value === want) {
        found = i2;
        break;
      }
    }
    if (found < 0) break;
    chain.push(found);
  }
  const fns = chain.map((i2) => t[i2].fn).reverse();
  return { index: chain[chain.length - 1], functions: fns };
}
function causeFor(a, anchor) {
  if (!a.divergence) return null;
  let upTo = Number.POSITIVE_INFINITY;
  let last = null;
  switch (anchor.kind) {
    case "event":
      upTo = anchor.index;
      break;
    case "result": {
      const origin = resultOrigin(a.variant);
      if (origin) upTo = origin.index;
      last = { kind: "result", value: a.variant.result, from: origin ? origin.functions : [] };
      break;
    }
    case "end":
      last = { kind: "end", ...runEnd(a.variant, false) };
      break;
    case "lost": {
      const endsBefore = a.variant.verdict !== "completed" || a.variant.final.asserts.failed.length > 0;
      last = anchor.notifier !== null ? { kind: "lost-notifier", event: anchor.notifier, endsBefore } : { kind: "lost-hazard", endsBefore };
      break;
    }
  }
  const steps = collapse(a.gained.filter((s) => s.index <= upTo));
  if (last) steps.push(last);
  return { divergence: a.divergence, chain: cap(steps) };
}
function collapse(events) {
  const merged = [];
  for (let i2 = 0; i2 < events.length; i2++) {
    const s = events[i2];
    const next = events[i2 + 1];
    if (s.kind === "lock" && next?.kind === "lock") {
      const a = s.fact;
      const b2 = next.fact;
      if (a.kind === "lock" && b2.kind === "lock" && a.op === "trylock-fail" && b2.op === "block" && a.lock === b2.lock && a.fn === b2.fn) continue;
    }
    merged.push(s);
  }
  const out2 = [];
  let pass = 1;
  for (let i2 = 0; i2 < merged.length; ) {
    const s = merged[i2];
    let j = i2 + 1;
    const keys = /* @__PURE__ */ new Set([s.key]);
    while (j < merged.length && merged[j].shape === s.shape && merged[j].pass === s.pass) keys.add(merged[j++].key);
    const n = j - i2;
    out2.push({ kind: "event", event: s.fact, pass: s.pass, firstOfPass: s.pass !== pass, repeat: n > 1 ? { times: n, distinct: keys.size } : null });
    pass = s.pass;
    i2 = j;
  }
  return out2;
}
function cap(steps) {
  if (steps.length <= MAX_CHAIN) return steps;
  const head2 = steps.slice(0, 6);
  const tail = steps.slice(steps.length - 3);
  return [...head2, { kind: "elided", steps: steps.length - 9 }, ...tail];
}
var MAX_CHAIN;
var init_first_cause = __esm({
  "src/replay/first-cause.ts"() {
    "use strict";
    init_trace_read();
    MAX_CHAIN = 10;
  }
});

// src/replay/regression.ts
function isRegressionOf(baseline, variant) {
  const ok = (o) => o.verdict === "completed" && o.result === 0;
  const broke = ok(baseline) && !ok(variant);
  const newBug = variant.verdict === "bug" && baseline.verdict !== "bug";
  return {
    verdict: broke && variant.verdict !== "completed" || newBug,
    result: broke && variant.verdict === "completed"
  };
}
var init_regression = __esm({
  "src/replay/regression.ts"() {
    "use strict";
  }
});

// src/replay/compare.ts
function compareOutcomes(baseline, variant) {
  let pair = null;
  const analysis = () => pair ??= analysePair(baseline, variant);
  const diffs = [];
  const add = (facts, anchor, regression = false) => diffs.push({ ...facts, firstCause: causeFor(analysis(), anchor), regression });
  const reg = isRegressionOf(baseline, variant);
  if (baseline.verdict !== variant.verdict) {
    add({ kind: "verdict", baseline: baseline.verdict, variant: variant.verdict, detail: runEnd(variant, false).detail }, { kind: "end" }, reg.verdict);
  }
  const noResult = baseline.result === null || variant.result === null;
  if (baseline.result !== variant.result && !(noResult && baseline.verdict !== variant.verdict)) {
    add({ kind: "result", baseline: baseline.result, variant: variant.result }, { kind: "result" }, reg.result);
  }
  if (baseline.retries !== variant.retries) {
    const lastRetry = [...analysis().gained].reverse().find((s) => s.kind === "retry");
    add({ kind: "retries", baseline: baseline.retries, variant: variant.retries }, lastRetry ? { kind: "event", index: lastRetry.index } : { kind: "end" });
  }
  for (const d of notifierDifferences(baseline, variant)) add(d.facts, d.anchor);
  for (const d of hazardDifferences(baseline, variant)) add(d.facts, d.anchor, d.facts.kind === "hazard-gained");
  for (const d of finalDifferences(baseline, variant)) add(d.facts, { kind: "end" }, d.regression);
  return {
    differences: diffs,
    regression: diffs.some((d) => d.regression),
    get analysis() {
      return analysis();
    }
  };
}
function notifierGroups(o) {
  const groups = /* @__PURE__ */ new Map();
  const traceIndex = /* @__PURE__ */ new Map();
  o.trace.forEach((e, i2) => {
    if (e.t === "notifier") traceIndex.set(e.index, i2);
  });
  o.notifiers.forEach((n, idx) => {
    const key2 = notifierGroupKey(n);
    let g = groups.get(key2);
    if (!g) groups.set(key2, g = { notifier: notifierGroup(n), ranges: /* @__PURE__ */ new Map(), at: [] });
    const r = `${n.start}|${n.end}`;
    const seen = g.ranges.get(r);
    if (seen) seen.count++;
    else g.ranges.set(r, { start: n.start, end: n.end, count: 1 });
    g.at.push(traceIndex.get(idx) ?? -1);
  });
  return groups;
}
function beyond(g, other) {
  const more2 = [];
  for (const [r, x] of g.ranges) {
    const d = x.count - (other?.ranges.get(r)?.count ?? 0);
    if (d > 0) more2.push({ start: x.start, end: x.end, count: d });
  }
  if (!more2.length) return null;
  const count = more2.reduce((a, b2) => a + b2.count, 0);
  return { count, ranges: more2.slice(0, SHOWN_RANGES), moreRanges: Math.max(0, more2.length - SHOWN_RANGES) };
}
function notifierDifferences(baseline, variant) {
  const gb = notifierGroups(baseline);
  const gv = notifierGroups(variant);
  const out2 = [];
  for (const [key2, g] of gv) {
    const other = gb.get(key2);
    const more2 = beyond(g, other);
    if (!more2) continue;
    const baseCount = other ? [...other.ranges.values()].reduce((a, b2) => a + b2.count, 0) : 0;
    const idx = g.at[Math.min(baseCount, g.at.length - 1)] ?? -1;
    out2.push({ facts: { kind: "notifier-gained", count: more2.count, notifier: g.notifier, ranges: more2.ranges, moreRanges: more2.moreRanges }, anchor: idx >= 0 ? { kind: "event", index: idx } : { kind: "end" } });
  }
  for (const [key2, g] of gb) {
    const fewer = beyond(g, gv.get(key2));
    if (!fewer) continue;
    out2.push({ facts: { kind: "notifier-lost", count: fewer.count, notifier: g.notifier, ranges: fewer.ranges, moreRanges: fewer.moreRanges }, anchor: { kind: "lost", notifier: g.notifier.event } });
  }
  return out2;
}
function hazardDifferences(baseline, variant) {
  const keysOf = (o) => o.hazards.map((h) => `${h.kind}|${h.function}|${dropPositions(h.detail)}`);
  const count = (o, keys) => {
    const m = /* @__PURE__ */ new Map();
    o.hazards.forEach((h, i2) => {
      const k = keys[i2];
      const seen = m.get(k);
      if (seen) seen.count++;
      else m.set(k, { kind: h.kind, function: h.function, detail: dropPositions(h.detail), count: 1 });
    });
    return m;
  };
  const kv = keysOf(variant);
  const cb = count(baseline, keysOf(baseline));
  const cv = count(variant, kv);
  const out2 = [];
  let firstAt = null;
  const first = (k) => {
    if (!firstAt) {
      firstAt = /* @__PURE__ */ new Map();
      variant.trace.forEach((e, i2) => {
        if (e.t !== "hazard" || !variant.hazards[e.index]) return;
        const key2 = kv[e.index];
        if (!firstAt.has(key2)) firstAt.set(key2, i2);
      });
    }
    return firstAt.get(k) ?? -1;
  };
  for (const [k, h] of cv) {
    const d = h.count - (cb.get(k)?.count ?? 0);
    if (d <= 0) continue;
    const idx = first(k);
    out2.push({ facts: { kind: "hazard-gained", count: d, hazard: h.kind, function: h.function, detail: h.detail }, anchor: idx >= 0 ? { kind: "event", index: idx } : { kind: "end" } });
  }
  for (const [k, h] of cb) {
    const d = h.count - (cv.get(k)?.count ?? 0);
    if (d > 0) out2.push({ facts: { kind: "hazard-lost", count: d, hazard: h.kind, function: h.function, detail: h.detail }, anchor: { kind: "lost", notifier: null } });
  }
  return out2;
}
function finalDifferences(baseline, variant) {
  const out2 = [];
  const lines = (part, process2, a, b2) => {
    const gone = a.filter((l) => !b2.includes(l));
    const come = b2.filter((l) => !a.includes(l));
    if (!gone.length && !come.length) return;
    out2.push({ facts: { kind: "final-state", part, process: process2, gone, come }, regression: false });
  };
  const fb = baseline.final;
  const fv = variant.final;
  const procs = [.../* @__PURE__ */ new Set([...fb.processes.map((p) => p.name), ...fv.processes.map((p) => p.name)])];
  for (const p of procs) {
    lines("ptes", p, fb.processes.find((x) => x.name === p)?.ptes ?? [], fv.processes.find((x) => x.name === p)?.ptes ?? []);
  }
  lines("pages", null, fb.pages, fv.pages);
  lines("gpu", null, fb.gpu, fv.gpu);
  lines("mirror", null, fb.mirror, fv.mirror);
  lines("seqs", null, fb.seqs, fv.seqs);
  const newlyFailing = fv.asserts.failed.filter((f) => !fb.asserts.failed.includes(f));
  const noLongerFailing = fb.asserts.failed.filter((f) => !fv.asserts.failed.includes(f));
  if (newlyFailing.length || noLongerFailing.length || fb.asserts.passed !== fv.asserts.passed) {
    out2.push({
      facts: { kind: "final-state", part: "checks", passed: { baseline: fb.asserts.passed, variant: fv.asserts.passed }, newlyFailing, noLongerFailing },
      // only against a baseline whose checks all ran and held: one that ended early (a bug, a
      // deadlock) never reached the checks the variant now fails
      regression: newlyFailing.length > 0 && fb.asserts.failed.length === 0 && baseline.verdict === "completed"
    });
  }
  return out2;
}
var SHOWN_RANGES;
var init_compare = __esm({
  "src/replay/compare.ts"() {
    "use strict";
    init_first_cause();
    init_regression();
    init_trace_read();
    SHOWN_RANGES = 3;
  }
});

// src/model/interp/lex.ts
function isIdStart(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
}
function isIdPart(c) {
  return isIdStart(c) || c >= 48 && c <= 57;
}
function lex(text) {
  const out2 = [];
  const n = text.length;
  let i2 = 0;
  while (i2 < n) {
    const c = text.charCodeAt(i2);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i2++;
      continue;
    }
    if (c === 92 && (text[i2 + 1] === "\n" || text[i2 + 1] === "\r")) {
      i2 += 2;
      continue;
    }
    if (c === 47 && text[i2 + 1] === "/") {
      while (i2 < n && text[i2] !== "\n") i2++;
      continue;
    }
    if (c === 47 && text[i2 + 1] === "*") {
      const e = text.indexOf("*/", i2 + 2);
      i2 = e < 0 ? n : e + 2;
      continue;
    }
    const start2 = i2;
    if (isIdStart(c)) {
      while (i2 < n && isIdPart(text.charCodeAt(i2))) i2++;
      out2.push({ kind: "id", text: text.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c >= 48 && c <= 57 || c === 46 && /[0-9]/.test(text[i2 + 1] ?? "")) {
      i2++;
      while (i2 < n) {
        const d = text[i2];
        if (/[0-9A-Za-z_.]/.test(d)) i2++;
        else if ((d === "+" || d === "-") && /[eEpP]/.test(text[i2 - 1])) i2++;
        else break;
      }
      out2.push({ kind: "num", text: text.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === 34 || c === 39) {
      const q = text[i2];
      i2++;
      while (i2 < n && text[i2] !== q && text[i2] !== "\n") i2 += text[i2] === "\\" ? 2 : 1;
      i2 = Math.min(n, i2 + 1);
      out2.push({ kind: q === '"' ? "str" : "chr", text: text.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    let p = text[i2];
    for (const cand of PUNCTS) {
      if (text.startsWith(cand, i2)) {
        p = cand;
        break;
      }
    }
    i2 += p.length;
    out2.push({ kind: "punct", text: p, start: start2, end: i2 });
  }
  return out2;
}
function splitArgs(text) {
  const toks = lex(text);
  if (toks.length === 0) return [];
  const out2 = [];
  let depth = 0;
  let segStart = 0;
  for (const t of toks) {
    if (t.kind !== "punct") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
    else if (t.text === "," && depth === 0) {
      out2.push(trimmed(text, segStart, t.start));
      segStart = t.end;
    }
  }
  out2.push(trimmed(text, segStart, text.length));
  return out2;
}
function trimmed(text, a, b2) {
  const raw = text.slice(a, b2);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: a + lead };
}
function lineAt(text, at2) {
  let line = 1;
  for (let i2 = 0; i2 < at2 && i2 < text.length; i2++) if (text.charCodeAt(i2) === 10) line++;
  return line;
}
var PUNCTS;
var init_lex = __esm({
  "src/model/interp/lex.ts"() {
    "use strict";
    PUNCTS = [
      "...",
      "<<=",
      ">>=",
      "->",
      "++",
      "--",
      "<<",
      ">>",
      "<=",
      ">=",
      "==",
      "!=",
      "&&",
      "||",
      "+=",
      "-=",
      "*=",
      "/=",
      "%=",
      "&=",
      "|=",
      "^=",
      "##"
    ];
  }
});

// src/model/interp/pp-if.ts
function applyIf(op, l, r) {
  const b2 = (x) => x ? 1n : 0n;
  switch (op) {
    case "||":
      return b2(l !== 0n || r !== 0n);
    case "&&":
      return b2(l !== 0n && r !== 0n);
    case "|":
      return l | r;
    case "^":
      return l ^ r;
    case "&":
      return l & r;
    case "==":
      return b2(l === r);
    case "!=":
      return b2(l !== r);
    case "<":
      return b2(l < r);
    case ">":
      return b2(l > r);
    case "<=":
      return b2(l <= r);
    case ">=":
      return b2(l >= r);
    case "<<":
      return l << r;
    case ">>":
      return l >> r;
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      if (r === 0n) throw new Error("division by zero");
      return l / r;
    case "%":
      if (r === 0n) throw new Error("division by zero");
      return l % r;
  }
  throw new Error(`operator ${op}`);
}
var IfParser;
var init_pp_if = __esm({
  "src/model/interp/pp-if.ts"() {
    "use strict";
    IfParser = class _IfParser {
      constructor(t) {
        this.t = t;
      }
      t;
      i = 0;
      done() {
        return this.i >= this.t.length;
      }
      peek() {
        return this.t[this.i] ?? "<end>";
      }
      eat(s) {
        if (this.t[this.i] === s) {
          this.i++;
          return true;
        }
        return false;
      }
      ternary() {
        const c = this.binary(0);
        if (!this.eat("?")) return c;
        const a = this.ternary();
        if (!this.eat(":")) throw new Error("expected :");
        const b2 = this.ternary();
        return c !== 0n ? a : b2;
      }
      static LEVELS = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];
      binary(level) {
        if (level >= _IfParser.LEVELS.length) return this.unary();
        let l = this.binary(level + 1);
        for (; ; ) {
          const op = this.t[this.i];
          if (op === void 0 || !_IfParser.LEVELS[level].includes(op)) return l;
          this.i++;
          const r = this.binary(level + 1);
          l = applyIf(op, l, r);
        }
      }
      unary() {
        if (this.eat("!")) return this.unary() === 0n ? 1n : 0n;
        if (this.eat("-")) return -this.unary();
        if (this.eat("+")) return this.unary();
        if (this.eat("~")) return ~this.unary();
        if (this.eat("(")) {
          const v = this.ternary();
          if (!this.eat(")")) throw new Error("expected )");
          return v;
        }
        const tok = this.t[this.i++];
        if (tok === void 0) throw new Error("unexpected end");
        if (/^(0x[0-9a-f]+|\d+)$/i.test(tok)) return BigInt(tok);
        if (/^'.'$/.test(tok)) return BigInt(tok.charCodeAt(1));
        throw new Error(`unexpected ${tok}`);
      }
    };
  }
});

// src/model/interp/preprocess.ts
function withoutAnnotations(body2) {
  const toks = lex(body2).filter((t) => t.kind === "id" && ANNOTATION_SET.has(t.text));
  if (!toks.length) return body2;
  let out2 = "";
  let at2 = 0;
  for (const t of toks) {
    out2 += body2.slice(at2, t.start) + " ".repeat(t.end - t.start);
    at2 = t.end;
  }
  return out2 + body2.slice(at2);
}
function configMacros(config) {
  const out2 = /* @__PURE__ */ new Map();
  if (!config) return out2;
  if (Array.isArray(config)) {
    for (const c of config) out2.set(c, "1");
    return out2;
  }
  for (const [k, v] of Object.entries(config)) {
    if (v === false) continue;
    out2.set(k, v === true ? "1" : String(v));
  }
  return out2;
}
function startsStatement(t) {
  return t !== void 0 && (t.text === "{" || t.kind === "id");
}
function directiveLines(text) {
  const out2 = /* @__PURE__ */ new Set();
  const lines = text.split("\n");
  for (let i2 = 0; i2 < lines.length; i2++) {
    if (!/^\s*#/.test(lines[i2])) continue;
    out2.add(i2 + 1);
    while (/\\\s*$/.test(lines[i2]) && i2 + 1 < lines.length) out2.add(++i2 + 1);
  }
  return out2;
}
function lineOf(starts, at2) {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (starts[mid] <= at2) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function expandFunctionMacro(def, args3) {
  const params = def.params ?? [];
  const values = /* @__PURE__ */ new Map();
  params.forEach((p, i2) => {
    if (p === "__VA_ARGS__" || def.variadic && i2 === params.length - 1) values.set(p, args3.slice(i2).join(", "));
    else values.set(p, args3[i2] ?? "");
  });
  const toks = lex(def.body);
  const parts2 = [];
  let paste = false;
  for (let i2 = 0; i2 < toks.length; i2++) {
    const t = toks[i2];
    if (t.text === "#" && toks[i2 + 1]?.kind === "id" && values.has(toks[i2 + 1].text)) {
      parts2.push(JSON.stringify(values.get(toks[i2 + 1].text)));
      i2++;
      continue;
    }
    if (t.text === "##") {
      paste = true;
      continue;
    }
    const text = t.kind === "id" && values.has(t.text) ? values.get(t.text) : t.text;
    if (paste && parts2.length > 0) parts2[parts2.length - 1] += text;
    else parts2.push(text);
    paste = false;
  }
  return parts2.join(" ");
}
function blank(s) {
  return s.replace(/[^\n]/g, " ");
}
function commentStateAfter(line, inComment) {
  let c = inComment;
  for (let i2 = 0; i2 < line.length; i2++) {
    if (c) {
      if (line[i2] === "*" && line[i2 + 1] === "/") {
        c = false;
        i2++;
      }
      continue;
    }
    const ch = line[i2];
    if (ch === "/" && line[i2 + 1] === "/") return false;
    if (ch === "/" && line[i2 + 1] === "*") {
      c = true;
      i2++;
    } else if (ch === '"' || ch === "'") {
      for (i2++; i2 < line.length && line[i2] !== ch; i2++) if (line[i2] === "\\") i2++;
    }
  }
  return c;
}
function stripComments(s) {
  return s.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "");
}
var EMPTY_ANNOTATIONS, EMPTY_FN_ANNOTATIONS, ANNOTATION_SET, Preprocessor, C_KEYWORDS, TYPE_TAKING, TYPE_WORDS;
var init_preprocess = __esm({
  "src/model/interp/preprocess.ts"() {
    "use strict";
    init_lex();
    init_pp_if();
    EMPTY_ANNOTATIONS = [
      "__always_inline",
      "__inline",
      "__init",
      "__exit",
      "__user",
      "__rcu",
      "__iomem",
      "__percpu",
      "__must_check",
      "__maybe_unused",
      "__always_unused",
      "__read_mostly",
      "__cold",
      "__weak",
      "noinline",
      "notrace",
      "__force",
      "__ref",
      "__sched",
      "__visible",
      "asmlinkage",
      "__latent_entropy",
      "__randomize_layout",
      "__packed",
      "__aligned_largest",
      "fallthrough",
      "__private",
      "__safe"
    ];
    EMPTY_FN_ANNOTATIONS = [
      "__acquires",
      "__releases",
      "__must_hold",
      "__acquire",
      "__release",
      "__cond_lock_hint",
      "EXPORT_SYMBOL",
      "EXPORT_SYMBOL_GPL",
      "MODULE_LICENSE",
      "MODULE_AUTHOR",
      "MODULE_DESCRIPTION",
      "__aligned",
      "__section",
      "__attribute__"
    ];
    ANNOTATION_SET = new Set(EMPTY_ANNOTATIONS);
    Preprocessor = class {
      constructor(sources, config, extraEmpty = []) {
        this.sources = sources;
        for (const [name2, body2] of configMacros(config)) {
          this.macros.set(name2, { name: name2, params: null, variadic: false, body: body2, file: "<config>", line: 0 });
        }
        for (const name2 of [...EMPTY_ANNOTATIONS, ...extraEmpty]) {
          this.macros.set(name2, { name: name2, params: null, variadic: false, body: "", file: "<builtin>", line: 0 });
        }
        for (const name2 of EMPTY_FN_ANNOTATIONS) {
          this.macros.set(name2, { name: name2, params: [], variadic: true, body: "", file: "<builtin>", line: 0 });
        }
      }
      sources;
      macros = /* @__PURE__ */ new Map();
      /** `#pragma lkml opaque NAME [SIZE]`: typedef names whose values belong to the runtime. */
      opaque = /* @__PURE__ */ new Map();
      units = [];
      diagnostics = [];
      /**
       * Uses of loop-header macros (`anon_vma_interval_tree_foreach(...) { body }`), which C parsers
       * cannot read: the use is replaced in the text by `for(;__lkml_L<n>;)` of the same length and
       * recorded here under that marker; the compiler expands the macro and puts the body back.
       */
      loopUses = /* @__PURE__ */ new Map();
      /**
       * Type arguments of calls (`container_of(p, struct svm_notifier, notifier)`) that the C
       * grammar cannot read as expressions are replaced by a same-length identifier `__T<n>___`;
       * restoreTypes() puts the type text back when a macro or intrinsic reads its arguments.
       */
      typeArgs = /* @__PURE__ */ new Map();
      done = /* @__PURE__ */ new Set();
      active = /* @__PURE__ */ new Set();
      /** Process every source in order (headers first where included). */
      run(order = [...this.sources.keys()]) {
        for (const p of order) this.file(p);
        return this.units;
      }
      resolveInclude(name2, from, system) {
        const dir2 = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "";
        const cands = system ? [`include/${name2}`, name2] : [dir2 ? `${dir2}/${name2}` : name2, `include/${name2}`, name2];
        for (const c of cands) if (this.sources.has(c)) return c;
        return null;
      }
      file(path) {
        if (this.done.has(path)) return;
        if (this.active.has(path)) return;
        const text = this.sources.get(path);
        if (text === void 0) return;
        this.active.add(path);
        const out2 = this.directives(path, text);
        this.active.delete(path);
        this.done.add(path);
        this.units.push({ path, text: this.rewriteUses(path, out2) });
      }
      // ------------------------------------------------------------------------- directives
      directives(path, text) {
        const lines = text.split("\n");
        const out2 = [];
        const conds = [];
        const isOn = () => conds.length === 0 ? true : conds[conds.length - 1].on;
        let inComment = false;
        for (let i2 = 0; i2 < lines.length; i2++) {
          const lineText = lines[i2];
          const directive = !inComment && /^\s*#/.test(lineText);
          if (!directive) {
            out2.push(isOn() ? lineText : blank(lineText));
            inComment = commentStateAfter(lineText, inComment);
            continue;
          }
          let full = lineText;
          const first = i2;
          out2.push(blank(lineText));
          while (/\\\s*$/.test(full.split("\n").pop()) && i2 + 1 < lines.length) {
            i2++;
            full = full.replace(/\\\s*$/, "") + "\n" + lines[i2];
            out2.push(blank(lines[i2]));
          }
          const lineNo = first + 1;
          const body2 = stripComments(full).replace(/\n/g, " ").trim().slice(1).trim();
          const m = /^(\w+)\s*(.*)$/s.exec(body2);
          const kw = m ? m[1] : "";
          const rest = m ? m[2].trim() : "";
          const at2 = { file: path, line: lineNo };
          switch (kw) {
            case "ifdef":
            case "ifndef": {
              const parent = isOn();
              const def = this.macros.has(rest.split(/\s/)[0]);
              const on = parent && (kw === "ifdef" ? def : !def);
              conds.push({ on, taken: on, parent, line: lineNo });
              break;
            }
            case "if": {
              const parent = isOn();
              const on = parent && this.evalIf(rest, at2);
              conds.push({ on, taken: on, parent, line: lineNo });
              break;
            }
            case "elif": {
              const c = conds[conds.length - 1];
              if (!c) {
                this.diag("error", at2, "#elif without #if");
                break;
              }
              const on = c.parent && !c.taken && this.evalIf(rest, at2);
              c.on = on;
              c.taken ||= on;
              break;
            }
            case "else": {
              const c = conds[conds.length - 1];
              if (!c) {
                this.diag("error", at2, "#else without #if");
                break;
              }
              c.on = c.parent && !c.taken;
              c.taken = true;
              break;
            }
            case "endif":
              if (!conds.pop()) this.diag("error", at2, "#endif without #if");
              break;
            default:
              if (isOn()) this.activeDirective(kw, rest, at2);
          }
          inComment = false;
        }
        for (const c of conds) this.diag("error", { file: path, line: c.line }, "unterminated #if");
        return out2.join("\n");
      }
      activeDirective(kw, rest, at2) {
        switch (kw) {
          case "include": {
            const m = /^([<"])([^>"]+)[>"]/.exec(rest);
            if (!m) {
              this.diag("warning", at2, `cannot read #include ${rest}`);
              return;
            }
            const target = this.resolveInclude(m[2], at2.file, m[1] === "<");
            if (target) this.file(target);
            else if (m[1] === '"') this.diag("note", at2, `#include "${m[2]}" is not among the model sources; ignored`);
            return;
          }
          case "define": {
            const m = /^(\w+)(\()?/.exec(rest);
            if (!m) {
              this.diag("error", at2, `bad #define ${rest}`);
              return;
            }
            const name2 = m[1];
            if (m[2]) {
              const close = rest.indexOf(")");
              const plist = rest.slice(name2.length + 1, close).split(",").map((s) => s.trim()).filter((s) => s !== "");
              const variadic = plist.length > 0 && plist[plist.length - 1].endsWith("...");
              const params = plist.map((p) => p === "..." ? "__VA_ARGS__" : p.replace(/\.\.\.$/, ""));
              this.macros.set(name2, { name: name2, params, variadic, body: withoutAnnotations(rest.slice(close + 1).trim()), ...at2 });
            } else {
              this.macros.set(name2, { name: name2, params: null, variadic: false, body: withoutAnnotations(rest.slice(name2.length).trim()), ...at2 });
            }
            return;
          }
          case "undef":
            this.macros.delete(rest.split(/\s/)[0]);
            return;
          case "pragma": {
            const m = /^lkml\s+opaque\s+(\w+)(?:\s+(\d+))?/.exec(rest);
            if (m) this.opaque.set(m[1], m[2] ? Number(m[2]) : 8);
            return;
          }
          case "error":
            this.diag("error", at2, `#error ${rest}`);
            return;
          case "warning":
            this.diag("warning", at2, `#warning ${rest}`);
            return;
          case "line":
          case "":
            return;
          default:
            this.diag("warning", at2, `ignored directive #${kw}`);
        }
      }
      diag(severity, at2, message) {
        this.diagnostics.push({ severity, file: at2.file, line: at2.line, message });
      }
      // ------------------------------------------------------------------------- #if expressions
      evalIf(text, at2) {
        try {
          const toks = this.expandForIf(lex(text), /* @__PURE__ */ new Set());
          const p = new IfParser(toks);
          const v = p.ternary();
          if (!p.done()) throw new Error(`unexpected ${p.peek()}`);
          return v !== 0n;
        } catch (e) {
          this.diag("error", at2, `cannot evaluate #if ${text}: ${e.message}`);
          return false;
        }
      }
      /** `defined X`, IS_ENABLED(X), macros -> their values, other identifiers -> 0. */
      expandForIf(toks, hide) {
        const out2 = [];
        for (let i2 = 0; i2 < toks.length; i2++) {
          const t = toks[i2];
          if (t.kind !== "id") {
            out2.push(t.kind === "num" ? t.text.replace(/[uUlL]+$/, "") : t.text);
            continue;
          }
          const isDefinedOp = t.text === "defined" || t.text === "IS_ENABLED" || t.text === "IS_BUILTIN" || t.text === "IS_REACHABLE";
          if (isDefinedOp) {
            let name2;
            if (toks[i2 + 1]?.text === "(") {
              name2 = toks[i2 + 2]?.text;
              if (toks[i2 + 3]?.text !== ")") throw new Error(`expected ) after ${t.text}(${name2 ?? ""}`);
              i2 += 3;
            } else {
              name2 = toks[i2 + 1]?.text;
              i2 += 1;
            }
            out2.push(name2 !== void 0 && this.macros.has(name2) && (t.text === "defined" || this.macros.get(name2).body !== "0") ? "1" : "0");
            continue;
          }
          const def = this.macros.get(t.text);
          if (!def || hide.has(t.text)) {
            out2.push("0");
            continue;
          }
          const inner = new Set(hide).add(t.text);
          if (def.params === null) {
            out2.push(...this.expandForIf(lex(def.body), inner));
            continue;
          }
          if (toks[i2 + 1]?.text !== "(") {
            out2.push("0");
            continue;
          }
          let depth = 0;
          let j = i2 + 1;
          for (; j < toks.length; j++) {
            if (toks[j].text === "(") depth++;
            else if (toks[j].text === ")" && --depth === 0) break;
          }
          const argText = toks.slice(i2 + 2, j).map((x) => x.text).join(" ");
          out2.push(...this.expandForIf(lex(expandFunctionMacro(def, splitArgs(argText).map((a) => a.text))), inner));
          i2 = j;
        }
        return out2;
      }
      // ------------------------------------------------------------------------- annotations
      /** A function-like macro whose body is a statement header (`for (...)`) needing a body after it. */
      isLoopHeader(def) {
        if (def.params === null || def.body === "") return false;
        const toks = lex(def.body);
        return ["for", "while", "if", "switch"].includes(toks[0]?.text ?? "") && toks[toks.length - 1]?.text === ")";
      }
      /**
       * For pure syntax (the outline): only the use rewriting of `rewriteUses`, on raw text with its
       * directives kept, and with loop-header macros recognised without their definitions: inside a
       * function body, `name(...)` followed by `{` or by a statement is never C, so it is one.
       */
      rewriteForOutline(path, text) {
        return this.rewriteUses(path, text, true);
      }
      /**
       * Blank identifiers whose macro expands to nothing (with their argument list if function-like),
       * replace uses of loop-header macros by a same-length `for(;__lkml_L<n>;)` marker, and type
       * arguments of calls by a same-length `__T<n>` identifier. Lines and columns never move.
       */
      rewriteUses(path, text, guessLoops = false) {
        const all = lex(text);
        const directive = guessLoops ? directiveLines(text) : null;
        const lineStarts = [];
        if (directive) {
          lineStarts.push(0);
          for (let i2 = text.indexOf("\n"); i2 >= 0; i2 = text.indexOf("\n", i2 + 1)) lineStarts.push(i2 + 1);
        }
        const toks = directive ? all.filter((t) => !directive.has(lineOf(lineStarts, t.start))) : all;
        let depth = 0;
        let chars = null;
        const put = (from, to, marker) => {
          chars ??= text.split("");
          for (let k = from; k < to; k++) if (chars[k] !== "\n") chars[k] = k - from < marker.length ? marker[k - from] : marker.startsWith("__T") ? "_" : " ";
        };
        const matching = (open) => {
          let depth2 = 0;
          for (let j = open; j < toks.length; j++) {
            if (toks[j].text === "(") depth2++;
            else if (toks[j].text === ")" && --depth2 === 0) return j;
          }
          return -1;
        };
        for (let i2 = 0; i2 < toks.length; i2++) {
          const t = toks[i2];
          if (t.text === "{") depth++;
          else if (t.text === "}") depth--;
          if (t.kind !== "id") continue;
          const call = toks[i2 + 1]?.text === "(";
          const close = call ? matching(i2 + 1) : -1;
          let def = this.macros.get(t.text);
          if (close >= 0 && (def && def.params !== null || TYPE_TAKING.has(t.text))) this.typeArguments(toks, i2 + 1, close, text, put);
          if (!def && guessLoops && depth > 0 && close >= 0 && !C_KEYWORDS.has(t.text) && startsStatement(toks[close + 1])) {
            def = { name: t.text, params: [], variadic: true, body: "for (;;)", file: "<guessed>", line: 0 };
          }
          if (!def) continue;
          const loop = this.isLoopHeader(def);
          if (def.body !== "" && !loop) continue;
          if (def.params !== null && close < 0) continue;
          const end = def.params !== null ? toks[close].end : t.end;
          if (loop) {
            const marker = `for(;__lkml_L${this.loopUses.size};)`;
            const firstLine = text.indexOf("\n", t.start);
            if ((firstLine < 0 || firstLine >= end ? end : firstLine) - t.start < marker.length) continue;
            this.loopUses.set(`__lkml_L${this.loopUses.size}`, {
              macro: def.name,
              args: text.slice(toks[i2 + 1].end, toks[close].start),
              file: path,
              line: lineAt(text, t.start)
            });
            put(t.start, end, marker);
            i2 = close;
            continue;
          }
          put(t.start, end, "");
          if (close >= 0) i2 = close;
        }
        return chars ? chars.join("") : text;
      }
      /** Replace keyword-led arguments (`struct x`, `unsigned long`) of the call at toks[open..close]. */
      typeArguments(toks, open, close, text, put) {
        let depth = 0;
        let argStart = open + 1;
        for (let j = open + 1; j <= close; j++) {
          const x = toks[j].text;
          if (x === "(" || x === "[" || x === "{") depth++;
          else if ((x === ")" || x === "]" || x === "}") && j !== close) depth--;
          if (x === "," && depth === 0 || j === close) {
            const first = toks[argStart];
            if (first && argStart < j && TYPE_WORDS.has(first.text)) {
              const from = first.start;
              const to = toks[j - 1].end;
              const original = text.slice(from, to);
              const marker = `__T${this.typeArgs.size}`;
              if (!original.includes("\n") && to - from >= marker.length + 1) {
                this.typeArgs.set(marker, original);
                put(from, to, marker);
              }
            }
            argStart = j + 1;
          }
        }
      }
      /** Text with `__T<n>___` type markers replaced by the type they stand for. */
      restoreTypes(text) {
        if (!text.includes("__T")) return text;
        return text.replace(/\b__T(\d+)_*\b/g, (m, n) => this.typeArgs.get(`__T${n}`) ?? m);
      }
    };
    C_KEYWORDS = /* @__PURE__ */ new Set(["if", "while", "for", "switch", "return", "sizeof", "do", "else", "case", "goto", "_Alignof", "typeof", "__typeof__", "defined", "__attribute__", "asm", "__asm__"]);
    TYPE_TAKING = /* @__PURE__ */ new Set(["container_of", "min_t", "max_t", "clamp_t"]);
    TYPE_WORDS = /* @__PURE__ */ new Set(["struct", "union", "enum", "unsigned", "signed", "int", "long", "short", "char", "bool", "_Bool", "void", "const", "volatile"]);
  }
});

// src/model/interp/api.ts
var UNINIT, Ptr;
var init_api = __esm({
  "src/model/interp/api.ts"() {
    "use strict";
    UNINIT = /* @__PURE__ */ Symbol("uninitialised");
    Ptr = class _Ptr {
      constructor(region, index, byteOffset = 0) {
        this.region = region;
        this.index = index;
        this.byteOffset = byteOffset;
      }
      region;
      index;
      byteOffset;
      get address() {
        const r = this.region;
        if (this.byteOffset === 0) {
          if (this.index === 0) return r.base;
          const off = this.index * r.elemSize;
          if (Number.isSafeInteger(off)) return r.base + BigInt(off);
        }
        return r.base + BigInt(this.index) * BigInt(r.elemSize) + BigInt(this.byteOffset);
      }
      add(n) {
        return new _Ptr(this.region, this.index + n, this.byteOffset);
      }
      equals(o) {
        return o !== null && this.address === o.address;
      }
    };
  }
});

// src/model/interp/ctypes.ts
function intType(bits, signed, name2) {
  const key2 = `${bits}${signed ? "s" : "u"}${name2}`;
  let t = intCache.get(key2);
  if (!t) intCache.set(key2, t = { k: "int", bits, signed, name: name2 });
  return t;
}
function isInt(t) {
  return t.k === "int";
}
function is64(t) {
  return t.k === "int" && t.bits === 64;
}
function promote(t) {
  return t.bits < 32 ? INT : t;
}
function uac(a, b2) {
  const x = promote(a);
  const y = promote(b2);
  if (x.signed === y.signed) return x.bits >= y.bits ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  if (u.bits >= s.bits) return u;
  return s;
}
function sameType(a, b2) {
  if (a === b2) return true;
  switch (a.k) {
    case "void":
      return b2.k === "void";
    case "int":
      return b2.k === "int" && a.bits === b2.bits && a.signed === b2.signed;
    case "ptr":
      return b2.k === "ptr" && sameType(a.to, b2.to);
    case "struct":
      return b2.k === "struct" && a.name === b2.name;
    case "opaque":
      return b2.k === "opaque" && a.name === b2.name;
    case "array":
      return b2.k === "array" && sameType(a.of, b2.of);
    case "func":
      return b2.k === "func" && sameType(a.ret, b2.ret) && a.variadic === b2.variadic && a.params.length === b2.params.length && a.params.every((p, i2) => sameType(p, b2.params[i2]));
  }
}
function typeToString(t) {
  switch (t.k) {
    case "void":
      return "void";
    case "int":
      return t.name;
    case "opaque":
      return t.name;
    case "struct":
      return t.name.startsWith("<") ? t.name : `struct ${t.name}`;
    case "ptr":
      if (t.to.k === "func") return `${typeToString(t.to.ret)} (*)(${funcParams(t.to)})`;
      return `${typeToString(t.to)} *`;
    case "array":
      return `${typeToString(t.of)}[${t.len}]`;
    case "func":
      return `${typeToString(t.ret)} (${funcParams(t)})`;
  }
}
function funcParams(f) {
  const ps = f.params.map(typeToString);
  if (f.variadic) ps.push("...");
  return ps.length ? ps.join(", ") : "void";
}
function primType(words) {
  const w = words.filter((x) => x !== "const" && x !== "volatile" && x !== "register" && x !== "restrict");
  if (w.length === 1) {
    const only = w[0];
    if (only === "void") return VOID;
    if (BUILTIN_TYPEDEFS[only]) return BUILTIN_TYPEDEFS[only];
  }
  let unsigned = false;
  let signed = false;
  let longs = 0;
  let short = false;
  let char = false;
  for (const x of w) {
    if (x === "unsigned") unsigned = true;
    else if (x === "signed") signed = true;
    else if (x === "long") longs++;
    else if (x === "short") short = true;
    else if (x === "char") char = true;
    else if (x === "int") continue;
    else return null;
  }
  if (char) return unsigned ? UCHAR : signed ? SCHAR : CHAR;
  if (short) return unsigned ? USHORT : SHORT;
  if (longs === 1) return unsigned ? ULONG : LONG;
  if (longs >= 2) return unsigned ? ULLONG : LLONG;
  return unsigned ? UINT : INT;
}
function roundUp(n, a) {
  return Math.ceil(n / a) * a;
}
var intCache, VOID, BOOL, CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG, LLONG, ULLONG, SIZE_T, VOID_PTR, UNRESOLVED, CHAR_PTR, BUILTIN_TYPEDEFS, ZeroOpaque, TypeTable;
var init_ctypes = __esm({
  "src/model/interp/ctypes.ts"() {
    "use strict";
    intCache = /* @__PURE__ */ new Map();
    VOID = { k: "void" };
    BOOL = intType(1, false, "bool");
    CHAR = intType(8, true, "char");
    SCHAR = intType(8, true, "signed char");
    UCHAR = intType(8, false, "unsigned char");
    SHORT = intType(16, true, "short");
    USHORT = intType(16, false, "unsigned short");
    INT = intType(32, true, "int");
    UINT = intType(32, false, "unsigned int");
    LONG = intType(64, true, "long");
    ULONG = intType(64, false, "unsigned long");
    LLONG = intType(64, true, "long long");
    ULLONG = intType(64, false, "unsigned long long");
    SIZE_T = intType(64, false, "size_t");
    VOID_PTR = { k: "ptr", to: VOID };
    UNRESOLVED = { k: "opaque", name: "<unresolved>" };
    CHAR_PTR = { k: "ptr", to: CHAR };
    BUILTIN_TYPEDEFS = {
      u8: intType(8, false, "u8"),
      u16: intType(16, false, "u16"),
      u32: intType(32, false, "u32"),
      u64: intType(64, false, "u64"),
      s8: intType(8, true, "s8"),
      s16: intType(16, true, "s16"),
      s32: intType(32, true, "s32"),
      s64: intType(64, true, "s64"),
      __u8: intType(8, false, "__u8"),
      __u16: intType(16, false, "__u16"),
      __u32: intType(32, false, "__u32"),
      __u64: intType(64, false, "__u64"),
      __s8: intType(8, true, "__s8"),
      __s16: intType(16, true, "__s16"),
      __s32: intType(32, true, "__s32"),
      __s64: intType(64, true, "__s64"),
      uint8_t: intType(8, false, "uint8_t"),
      uint16_t: intType(16, false, "uint16_t"),
      uint32_t: intType(32, false, "uint32_t"),
      uint64_t: intType(64, false, "uint64_t"),
      int8_t: intType(8, true, "int8_t"),
      int16_t: intType(16, true, "int16_t"),
      int32_t: intType(32, true, "int32_t"),
      int64_t: intType(64, true, "int64_t"),
      size_t: SIZE_T,
      ssize_t: intType(64, true, "ssize_t"),
      ptrdiff_t: intType(64, true, "ptrdiff_t"),
      uintptr_t: intType(64, false, "uintptr_t"),
      intptr_t: intType(64, true, "intptr_t"),
      pgoff_t: intType(64, false, "pgoff_t"),
      loff_t: intType(64, true, "loff_t"),
      vm_fault_t: intType(32, false, "vm_fault_t"),
      gfp_t: intType(32, false, "gfp_t"),
      fmode_t: intType(32, false, "fmode_t"),
      vm_flags_t: intType(64, false, "vm_flags_t"),
      pteval_t: intType(64, false, "pteval_t"),
      pmdval_t: intType(64, false, "pmdval_t"),
      pudval_t: intType(64, false, "pudval_t"),
      pgdval_t: intType(64, false, "pgdval_t"),
      p4dval_t: intType(64, false, "p4dval_t"),
      phys_addr_t: intType(64, false, "phys_addr_t"),
      dma_addr_t: intType(64, false, "dma_addr_t"),
      resource_size_t: intType(64, false, "resource_size_t"),
      _Bool: BOOL,
      bool: BOOL
    };
    ZeroOpaque = class _ZeroOpaque {
      constructor(opaqueType) {
        this.opaqueType = opaqueType;
      }
      opaqueType;
      describe() {
        return `${this.opaqueType}(0)`;
      }
      equals(other) {
        return other instanceof _ZeroOpaque && other.opaqueType === this.opaqueType;
      }
    };
    TypeTable = class {
      constructor(opaqueZero2) {
        this.opaqueZero = opaqueZero2;
      }
      opaqueZero;
      typedefs = new Map(Object.entries(BUILTIN_TYPEDEFS));
      structs = /* @__PURE__ */ new Map();
      enumConsts = /* @__PURE__ */ new Map();
      opaqueSizes = /* @__PURE__ */ new Map();
      structTypes = /* @__PURE__ */ new Map();
      zeroOpaques = /* @__PURE__ */ new Map();
      /** The interned `{k:'struct', name}` type (identity comparisons are then cheap). */
      structType(name2) {
        let t = this.structTypes.get(name2);
        if (!t) this.structTypes.set(name2, t = { k: "struct", name: name2 });
        return t;
      }
      opaque(name2) {
        return { k: "opaque", name: name2 };
      }
      zeroOpaque(name2) {
        let z = this.zeroOpaques.get(name2);
        if (!z) this.zeroOpaques.set(name2, z = this.opaqueZero?.(name2) ?? new ZeroOpaque(name2));
        return z;
      }
      layoutOf(name2) {
        return this.structs.get(name2);
      }
      /** Size in bytes; null for incomplete types (undefined struct, function, void is 1 as in GNU C). */
      sizeof(t) {
        switch (t.k) {
          case "void":
            return 1;
          case "int":
            return t.bits === 1 ? 1 : t.bits / 8;
          case "ptr":
            return 8;
          case "opaque":
            return this.opaqueSizes.get(t.name) ?? 8;
          case "struct": {
            const l = this.structs.get(t.name);
            return l && l.complete ? l.size : null;
          }
          case "array": {
            const e = this.sizeof(t.of);
            return e === null ? null : e * t.len;
          }
          case "func":
            return null;
        }
      }
      alignof(t) {
        switch (t.k) {
          case "struct":
            return this.structs.get(t.name)?.align ?? 8;
          case "array":
            return this.alignof(t.of);
          case "opaque":
            return Math.min(8, this.opaqueSizes.get(t.name) ?? 8);
          default:
            return Math.max(1, Math.min(8, this.sizeof(t) ?? 1));
        }
      }
      /**
       * Lay out a struct or union. `members` are (name|null, type) in order; a null name with a
       * struct type is an anonymous member whose fields are flattened into this one.
       */
      defineStruct(name2, union, members, file, line) {
        const fields = [];
        const byName = /* @__PURE__ */ new Map();
        let size = 0;
        let align = 1;
        const add = (fname, t, offset) => {
          const fi = { name: fname, t, offset, index: fields.length };
          fields.push(fi);
          byName.set(fname, fi);
        };
        for (const m of members) {
          const a = this.alignof(m.t);
          const s = this.sizeof(m.t) ?? 0;
          align = Math.max(align, a);
          const off = union ? 0 : roundUp(size, a);
          if (m.name === null) {
            if (m.t.k === "struct") {
              const inner = this.structs.get(m.t.name);
              for (const f of inner?.fields ?? []) add(f.name, f.t, off + f.offset);
            }
          } else add(m.name, m.t, off);
          size = union ? Math.max(size, s) : off + s;
        }
        const layout = { name: name2, union, fields, byName, size: roundUp(size, align), align, complete: true, file, line, table: this };
        this.structs.set(name2, layout);
        return layout;
      }
      /** `struct foo;` or a use before the definition. */
      declareStruct(name2, union, file, line) {
        if (!this.structs.has(name2)) {
          this.structs.set(name2, { name: name2, union, fields: [], byName: /* @__PURE__ */ new Map(), size: 0, align: 1, complete: false, file, line, table: this });
        }
      }
      offsetof(structName, path) {
        let offset = 0;
        let t = this.structType(structName);
        for (const p of path) {
          if (t.k !== "struct") return null;
          const f = this.structs.get(t.name)?.byName.get(p);
          if (!f) return null;
          offset += f.offset;
          t = f.t;
        }
        return { offset, t };
      }
    };
  }
});

// src/model/interp/ints.ts
function repOf(t) {
  if (t.bits === 64) return t.signed ? "i64" : "u64";
  if (t.bits === 32) return t.signed ? "i32" : "u32";
  return "i32";
}
function converter(to) {
  if (to.bits === 64) {
    return to.signed ? (v) => typeof v === "bigint" ? BigInt.asIntN(64, v) : BigInt(v) : (v) => typeof v === "bigint" ? BigInt.asUintN(64, v) : BigInt.asUintN(64, BigInt(v));
  }
  const num = (v) => typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : v;
  switch (to.bits) {
    case 32:
      return to.signed ? (v) => num(v) | 0 : (v) => num(v) >>> 0;
    case 16:
      return to.signed ? (v) => num(v) << 16 >> 16 : (v) => num(v) & 65535;
    case 8:
      return to.signed ? (v) => num(v) << 24 >> 24 : (v) => num(v) & 255;
    case 1:
      return (v) => v === 0 || v === 0n ? 0 : 1;
  }
}
function converterFrom(from, to) {
  if (to.bits === 1) return from.bits === 1 ? null : converter(to);
  if (from.bits === 64 || to.bits === 64) {
    if (from.bits === 64 && to.bits === 64 && from.signed === to.signed) return null;
    return converter(to);
  }
  if (from.bits === 1) return null;
  if (from.signed === to.signed && from.bits <= to.bits) return null;
  if (!from.signed && to.signed && from.bits < to.bits) return null;
  return converter(to);
}
function converterJs(to, v) {
  if (to.bits === 64) {
    return to.signed ? `(typeof ${v} === 'bigint' ? BigInt.asIntN(64, ${v}) : BigInt(${v}))` : `(typeof ${v} === 'bigint' ? BigInt.asUintN(64, ${v}) : BigInt.asUintN(64, BigInt(${v})))`;
  }
  const num = `(typeof ${v} === 'bigint' ? Number(BigInt.asIntN(32, ${v})) : ${v})`;
  switch (to.bits) {
    case 32:
      return to.signed ? `(${num} | 0)` : `(${num} >>> 0)`;
    case 16:
      return to.signed ? `((${num} << 16) >> 16)` : `(${num} & 0xffff)`;
    case 8:
      return to.signed ? `((${num} << 24) >> 24)` : `(${num} & 0xff)`;
    case 1:
      return `(${v} === 0 || ${v} === 0n ? 0 : 1)`;
  }
}
function arith(op, rep) {
  switch (rep) {
    case "i32":
      return I32[op];
    case "u32":
      return U32[op];
    case "i64":
      return I64[op];
    case "u64":
      return U64[op];
  }
}
function shift(op, rep) {
  const f = arith(op, rep);
  if (rep === "i64" || rep === "u64") return (a, b2) => f(a, typeof b2 === "bigint" ? b2 : BigInt(b2));
  return (a, b2) => f(a, typeof b2 === "bigint" ? Number(BigInt.asUintN(32, b2)) : b2);
}
function compare(op) {
  switch (op) {
    case "==":
      return (a, b2) => a === b2;
    case "!=":
      return (a, b2) => a !== b2;
    case "<":
      return (a, b2) => a < b2;
    case ">":
      return (a, b2) => a > b2;
    case "<=":
      return (a, b2) => a <= b2;
    case ">=":
      return (a, b2) => a >= b2;
  }
  return void 0;
}
function negate(rep) {
  switch (rep) {
    case "i32":
      return (a) => -a | 0;
    case "u32":
      return (a) => -a >>> 0;
    case "i64":
      return (a) => BigInt.asIntN(64, -a);
    case "u64":
      return (a) => BigInt.asUintN(64, -a);
  }
}
function complement(rep) {
  switch (rep) {
    case "i32":
      return (a) => ~a;
    case "u32":
      return (a) => ~a >>> 0;
    case "i64":
      return (a) => ~a;
    case "u64":
      return (a) => BigInt.asUintN(64, ~a);
  }
}
function parseIntLiteral(text) {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return null;
  const body2 = m[1];
  const suf = m[2].toLowerCase();
  let value;
  if (/^0[bB]/.test(body2)) value = BigInt(body2);
  else if (/^0[0-7]+$/.test(body2)) value = BigInt("0o" + body2.slice(1));
  else value = BigInt(body2);
  const decimal = /^[1-9]/.test(body2) || body2 === "0";
  let unsigned = suf.includes("u");
  let long = suf.includes("l");
  if (!long) {
    if (unsigned ? value > 0xffffffffn : value > 0x7fffffffn) {
      if (!unsigned && !decimal && value <= 0xffffffffn) unsigned = true;
      else long = true;
    }
  }
  if (long && value > 0x7fffffffffffffffn) unsigned = true;
  return { value, unsigned, long };
}
function arithJs(op, rep) {
  return JS_OPS[rep][op];
}
function shiftJs(op, rep) {
  const f = JS_OPS[rep][op];
  if (rep === "i64" || rep === "u64") return (a, b2) => f(a, `(typeof ${b2} === 'bigint' ? ${b2} : BigInt(${b2}))`);
  return (a, b2) => f(a, `(typeof ${b2} === 'bigint' ? Number(BigInt.asUintN(32, ${b2})) : ${b2})`);
}
function compareJs(op) {
  return JS_CMP[op];
}
function negateJs(rep, a) {
  switch (rep) {
    case "i32":
      return `(-${a} | 0)`;
    case "u32":
      return `(-${a} >>> 0)`;
    case "i64":
      return `BigInt.asIntN(64, -${a})`;
    case "u64":
      return `BigInt.asUintN(64, -${a})`;
  }
}
function complementJs(rep, a) {
  switch (rep) {
    case "i32":
      return `(~${a})`;
    case "u32":
      return `(~${a} >>> 0)`;
    case "i64":
      return `(~${a})`;
    case "u64":
      return `BigInt.asUintN(64, ~${a})`;
  }
}
var I32, U32, I64, U64, JS_OPS, JS_CMP;
var init_ints = __esm({
  "src/model/interp/ints.ts"() {
    "use strict";
    I32 = {
      "+": (a, b2) => a + b2 | 0,
      "-": (a, b2) => a - b2 | 0,
      "*": (a, b2) => Math.imul(a, b2),
      "/": (a, b2) => a / b2 | 0,
      "%": (a, b2) => a % b2 | 0,
      "&": (a, b2) => a & b2,
      "|": (a, b2) => a | b2,
      "^": (a, b2) => a ^ b2,
      "<<": (a, b2) => a << (b2 & 31),
      ">>": (a, b2) => a >> (b2 & 31)
    };
    U32 = {
      "+": (a, b2) => a + b2 >>> 0,
      "-": (a, b2) => a - b2 >>> 0,
      "*": (a, b2) => Math.imul(a, b2) >>> 0,
      "/": (a, b2) => Math.floor(a / b2) >>> 0,
      "%": (a, b2) => a % b2 >>> 0,
      "&": (a, b2) => (a & b2) >>> 0,
      "|": (a, b2) => (a | b2) >>> 0,
      "^": (a, b2) => (a ^ b2) >>> 0,
      "<<": (a, b2) => a << (b2 & 31) >>> 0,
      ">>": (a, b2) => a >>> (b2 & 31)
    };
    I64 = {
      "+": (a, b2) => BigInt.asIntN(64, a + b2),
      "-": (a, b2) => BigInt.asIntN(64, a - b2),
      "*": (a, b2) => BigInt.asIntN(64, a * b2),
      "/": (a, b2) => BigInt.asIntN(64, a / b2),
      "%": (a, b2) => a % b2,
      "&": (a, b2) => a & b2,
      "|": (a, b2) => a | b2,
      "^": (a, b2) => a ^ b2,
      "<<": (a, b2) => BigInt.asIntN(64, a << (b2 & 63n)),
      ">>": (a, b2) => a >> (b2 & 63n)
    };
    U64 = {
      "+": (a, b2) => BigInt.asUintN(64, a + b2),
      "-": (a, b2) => BigInt.asUintN(64, a - b2),
      "*": (a, b2) => BigInt.asUintN(64, a * b2),
      "/": (a, b2) => a / b2,
      "%": (a, b2) => a % b2,
      "&": (a, b2) => a & b2,
      "|": (a, b2) => a | b2,
      "^": (a, b2) => a ^ b2,
      "<<": (a, b2) => BigInt.asUintN(64, a << (b2 & 63n)),
      ">>": (a, b2) => a >> (b2 & 63n)
    };
    JS_OPS = {
      i32: {
        "+": (a, b2) => `((${a} + ${b2}) | 0)`,
        "-": (a, b2) => `((${a} - ${b2}) | 0)`,
        "*": (a, b2) => `Math.imul(${a}, ${b2})`,
        "/": (a, b2) => `((${a} / ${b2}) | 0)`,
        "%": (a, b2) => `(${a} % ${b2} | 0)`,
        "&": (a, b2) => `(${a} & ${b2})`,
        "|": (a, b2) => `(${a} | ${b2})`,
        "^": (a, b2) => `(${a} ^ ${b2})`,
        "<<": (a, b2) => `(${a} << (${b2} & 31))`,
        ">>": (a, b2) => `(${a} >> (${b2} & 31))`
      },
      u32: {
        "+": (a, b2) => `((${a} + ${b2}) >>> 0)`,
        "-": (a, b2) => `((${a} - ${b2}) >>> 0)`,
        "*": (a, b2) => `(Math.imul(${a}, ${b2}) >>> 0)`,
        "/": (a, b2) => `(Math.floor(${a} / ${b2}) >>> 0)`,
        "%": (a, b2) => `((${a} % ${b2}) >>> 0)`,
        "&": (a, b2) => `((${a} & ${b2}) >>> 0)`,
        "|": (a, b2) => `((${a} | ${b2}) >>> 0)`,
        "^": (a, b2) => `((${a} ^ ${b2}) >>> 0)`,
        "<<": (a, b2) => `((${a} << (${b2} & 31)) >>> 0)`,
        ">>": (a, b2) => `(${a} >>> (${b2} & 31))`
      },
      i64: {
        "+": (a, b2) => `BigInt.asIntN(64, ${a} + ${b2})`,
        "-": (a, b2) => `BigInt.asIntN(64, ${a} - ${b2})`,
        "*": (a, b2) => `BigInt.asIntN(64, ${a} * ${b2})`,
        "/": (a, b2) => `BigInt.asIntN(64, ${a} / ${b2})`,
        "%": (a, b2) => `(${a} % ${b2})`,
        "&": (a, b2) => `(${a} & ${b2})`,
        "|": (a, b2) => `(${a} | ${b2})`,
        "^": (a, b2) => `(${a} ^ ${b2})`,
        "<<": (a, b2) => `BigInt.asIntN(64, ${a} << (${b2} & 63n))`,
        ">>": (a, b2) => `(${a} >> (${b2} & 63n))`
      },
      u64: {
        "+": (a, b2) => `BigInt.asUintN(64, ${a} + ${b2})`,
        "-": (a, b2) => `BigInt.asUintN(64, ${a} - ${b2})`,
        "*": (a, b2) => `BigInt.asUintN(64, ${a} * ${b2})`,
        "/": (a, b2) => `(${a} / ${b2})`,
        "%": (a, b2) => `(${a} % ${b2})`,
        "&": (a, b2) => `(${a} & ${b2})`,
        "|": (a, b2) => `(${a} | ${b2})`,
        "^": (a, b2) => `(${a} ^ ${b2})`,
        "<<": (a, b2) => `BigInt.asUintN(64, ${a} << (${b2} & 63n))`,
        ">>": (a, b2) => `(${a} >> (${b2} & 63n))`
      }
    };
    JS_CMP = { "==": "===", "!=": "!==", "<": "<", ">": ">", "<=": "<=", ">=": ">=" };
  }
});

// src/model/interp/lower.ts
function named(n) {
  return n.namedChildren.filter((c) => c !== null);
}
function field(n, name2) {
  const c = n.childForFieldName(name2);
  if (!c) throw new LowerError(n, `missing ${name2} in ${n.type}: ${clip(n.text)}`);
  return c;
}
function storage(n) {
  return named(n).filter((c) => c.type === "storage_class_specifier").map((c) => c.text);
}
function declaratorName(d) {
  for (let x = d; ; ) {
    if (x.k === "name") return x.name;
    if (x.k === "abstract") return null;
    x = x.of;
  }
}
function clip(s, max = 120) {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? one.slice(0, max - 3) + "..." : one;
}
function unescape(body2) {
  const out2 = [];
  for (let i2 = 0; i2 < body2.length; i2++) {
    const c = body2[i2];
    if (c !== "\\") {
      out2.push(body2.charCodeAt(i2));
      continue;
    }
    const d = body2[++i2] ?? "";
    if (d === "x") {
      const m = /^[0-9a-fA-F]+/.exec(body2.slice(i2 + 1))[0];
      out2.push(parseInt(m, 16) & 255);
      i2 += m.length;
    } else if (/[0-7]/.test(d)) {
      const m = /^[0-7]{1,3}/.exec(body2.slice(i2))[0];
      out2.push(parseInt(m, 8) & 255);
      i2 += m.length - 1;
    } else out2.push(ESC[d] ?? d.charCodeAt(0));
  }
  return out2;
}
function charValue(text) {
  const body2 = text.replace(/^[LuU8]*'/, "").replace(/'$/, "");
  const v = unescape(body2)[0] ?? 0;
  return v > 127 ? v - 256 : v;
}
function stringValue(text) {
  const body2 = text.replace(/^[LuU8]*"/, "").replace(/"$/, "");
  return String.fromCharCode(...unescape(body2));
}
var Lowerer, LowerError, ESC;
var init_lower = __esm({
  "src/model/interp/lower.ts"() {
    "use strict";
    Lowerer = class {
      /** `lineBase` is added to tree rows (fragments are parsed inside a wrapper). */
      constructor(file, lineBase = 1) {
        this.file = file;
        this.lineBase = lineBase;
      }
      file;
      lineBase;
      problems = [];
      line(n) {
        return n.startPosition.row + this.lineBase;
      }
      problem(n, what) {
        this.problems.push({ line: this.line(n), message: what });
      }
      bad(n, what) {
        this.problem(n, what);
        return { k: "bad", message: what, line: this.line(n), src: clip(n.text) };
      }
      // ------------------------------------------------------------------------- top level
      translationUnit(root) {
        const out2 = [];
        for (const c of named(root)) this.topLevel(c, out2);
        return out2;
      }
      /** The declarations one top-level node contributes (a caller can isolate broken ones). */
      translationUnitItem(n) {
        const out2 = [];
        this.topLevel(n, out2);
        return out2;
      }
      topLevel(n, out2) {
        switch (n.type) {
          case "function_definition":
            out2.push({ k: "function", def: this.functionDef(n) });
            return;
          case "declaration": {
            const d = this.declaration(n);
            out2.push({ k: "decl", storage: d.storage, spec: d.spec, decls: d.decls, line: this.line(n), file: this.file });
            return;
          }
          case "type_definition": {
            const t = this.typedef(n);
            out2.push({ k: "typedef", spec: t.spec, names: t.names, line: this.line(n), file: this.file });
            return;
          }
          case "struct_specifier":
          case "union_specifier":
          case "enum_specifier":
            out2.push({ k: "decl", storage: [], spec: this.typeSpec(n), decls: [], line: this.line(n), file: this.file });
            return;
          case "expression_statement":
            if (named(n).length === 0) return;
            this.problem(n, `statement outside a function: ${clip(n.text)}`);
            return;
          case "comment":
            return;
          case "preproc_include":
          case "preproc_def":
          case "preproc_function_def":
          case "preproc_call":
            return;
          // only seen when a caller parses un-preprocessed text
          case "preproc_if":
          case "preproc_ifdef":
          case "preproc_else":
          case "preproc_elif":
            for (const c of named(n)) if (c.type !== "identifier" && !/^preproc_(defined|arg)$/.test(c.type)) this.topLevel(c, out2);
            return;
          default:
            this.problem(n, n.type === "ERROR" ? `syntax error: ${clip(n.text)}` : `unsupported top-level ${n.type}: ${clip(n.text)}`);
        }
      }
      functionDef(n) {
        const declNode = field(n, "declarator");
        const decl = this.declarator(declNode);
        const body2 = field(n, "body");
        return {
          name: declaratorName(decl) ?? "<anonymous>",
          storage: storage(n),
          spec: this.typeSpec(field(n, "type")),
          decl,
          body: this.blockItems(body2),
          file: this.file,
          line: this.line(n),
          endLine: n.endPosition.row + this.lineBase,
          bodyLine: this.line(body2)
        };
      }
      declaration(n) {
        const spec = this.typeSpec(field(n, "type"));
        const decls = [];
        for (const d of n.childrenForFieldName("declarator")) {
          if (!d) continue;
          if (d.type === "init_declarator") {
            const inner = this.declarator(field(d, "declarator"));
            decls.push({
              name: declaratorName(inner) ?? "<anonymous>",
              type: { spec, decl: inner },
              init: this.init(field(d, "value")),
              line: this.line(d)
            });
          } else {
            const inner = this.declarator(d);
            decls.push({ name: declaratorName(inner) ?? "<anonymous>", type: { spec, decl: inner }, init: null, line: this.line(d) });
          }
        }
        return { storage: storage(n), spec, decls };
      }
      typedef(n) {
        const spec = this.typeSpec(field(n, "type"));
        const names = [];
        for (const d of n.childrenForFieldName("declarator")) {
          if (!d) continue;
          const decl = this.declarator(d);
          names.push({ name: declaratorName(decl) ?? "<anonymous>", decl });
        }
        return { spec, names };
      }
      // ------------------------------------------------------------------------- types
      typeSpec(n) {
        switch (n.type) {
          case "primitive_type":
            return { k: "prim", words: [n.text] };
          case "sized_type_specifier": {
            const words = n.text.split(/\s+/).filter((w) => w !== "const" && w !== "volatile");
            return { k: "prim", words };
          }
          case "type_identifier":
            return { k: "name", name: n.text };
          case "struct_specifier":
          case "union_specifier": {
            const body2 = n.childForFieldName("body");
            return {
              k: "struct",
              union: n.type === "union_specifier",
              name: n.childForFieldName("name")?.text ?? null,
              fields: body2 ? this.fields(body2) : null,
              line: this.line(n)
            };
          }
          case "enum_specifier": {
            const body2 = n.childForFieldName("body");
            let items = null;
            if (body2) {
              items = [];
              for (const e of named(body2)) {
                if (e.type !== "enumerator") continue;
                const v = e.childForFieldName("value");
                items.push({ name: field(e, "name").text, value: v ? this.expr(v) : null, line: this.line(e) });
              }
            }
            return { k: "enum", name: n.childForFieldName("name")?.text ?? null, items, line: this.line(n) };
          }
          case "macro_type_specifier":
            this.problem(n, `unsupported type syntax: ${clip(n.text)}`);
            return { k: "prim", words: ["int"] };
          default:
            this.problem(n, `unsupported type ${n.type}: ${clip(n.text)}`);
            return { k: "prim", words: ["int"] };
        }
      }
      fields(list2) {
        const out2 = [];
        for (const f of named(list2)) {
          if (f.type === "comment") continue;
          if (f.type !== "field_declaration") {
            this.problem(f, `unsupported in struct body: ${clip(f.text)}`);
            continue;
          }
          const spec = this.typeSpec(field(f, "type"));
          const bitsNode = named(f).find((c) => c.type === "bitfield_clause");
          const bits = bitsNode && named(bitsNode)[0] ? this.expr(named(bitsNode)[0]) : null;
          const decls = f.childrenForFieldName("declarator").filter((d) => d !== null);
          if (decls.length === 0) out2.push({ spec, decl: null, bits, line: this.line(f) });
          for (const d of decls) out2.push({ spec, decl: this.declarator(d), bits, line: this.line(f) });
        }
        return out2;
      }
      declarator(n) {
        if (!n) return { k: "abstract" };
        switch (n.type) {
          case "identifier":
          case "field_identifier":
          case "type_identifier":
          case "primitive_type":
            return { k: "name", name: n.text };
          case "pointer_declarator":
          case "abstract_pointer_declarator":
            return { k: "ptr", of: this.declarator(n.childForFieldName("declarator")) };
          case "array_declarator":
          case "abstract_array_declarator": {
            const size = n.childForFieldName("size");
            return {
              k: "array",
              of: this.declarator(n.childForFieldName("declarator")),
              size: size && size.type !== "*" ? this.expr(size) : null
            };
          }
          case "function_declarator":
          case "abstract_function_declarator": {
            const { params, variadic } = this.params(field(n, "parameters"));
            return { k: "func", of: this.declarator(n.childForFieldName("declarator")), params, variadic };
          }
          case "parenthesized_declarator":
          case "abstract_parenthesized_declarator":
          case "attributed_declarator": {
            const inner = named(n).find((c) => /declarator$|identifier$/.test(c.type));
            return this.declarator(inner ?? null);
          }
          default:
            this.problem(n, `unsupported declarator ${n.type}: ${clip(n.text)}`);
            return { k: "name", name: "<bad>" };
        }
      }
      params(list2) {
        const params = [];
        let variadic = false;
        for (const p of named(list2)) {
          if (p.type === "variadic_parameter") variadic = true;
          else if (p.type === "parameter_declaration") {
            params.push({ spec: this.typeSpec(field(p, "type")), decl: this.declarator(p.childForFieldName("declarator")), line: this.line(p) });
          } else if (p.type !== "comment") this.problem(p, `unsupported parameter: ${clip(p.text)}`);
        }
        if (params.length === 1 && params[0].decl.k === "abstract" && params[0].spec.k === "prim" && params[0].spec.words.join(" ") === "void") {
          params.length = 0;
        }
        return { params, variadic };
      }
      typeName(n) {
        return { spec: this.typeSpec(field(n, "type")), decl: this.declarator(n.childForFieldName("declarator")) };
      }
      // ------------------------------------------------------------------------- statements
      blockItems(n) {
        const out2 = [];
        for (const c of named(n)) {
          if (c.type === "comment") continue;
          out2.push(this.stmt(c));
        }
        return out2;
      }
      stmt(n) {
        const line = this.line(n);
        const endLine = n.endPosition.row + this.lineBase;
        const at2 = { line, endLine };
        switch (n.type) {
          case "compound_statement":
            return { ...at2, k: "block", body: this.blockItems(n) };
          case "expression_statement": {
            const e = named(n).filter((c) => c.type !== "comment")[0];
            return e ? { ...at2, k: "expr", e: this.expr(e) } : { ...at2, k: "empty" };
          }
          case "declaration": {
            const d = this.declaration(n);
            return { ...at2, k: "decl", storage: d.storage, decls: d.decls, spec: d.spec };
          }
          case "type_definition": {
            const t = this.typedef(n);
            return { ...at2, k: "typedef", spec: t.spec, names: t.names };
          }
          case "struct_specifier":
          case "union_specifier":
          case "enum_specifier":
            return { ...at2, k: "decl", storage: [], decls: [], spec: this.typeSpec(n) };
          case "if_statement": {
            const alt = n.childForFieldName("alternative");
            const altStmt = alt ? named(alt).filter((c) => c.type !== "comment")[0] : void 0;
            return {
              ...at2,
              k: "if",
              test: this.cond(field(n, "condition")),
              then: this.stmt(field(n, "consequence")),
              else: altStmt ? this.stmt(altStmt) : null
            };
          }
          case "while_statement":
            return { ...at2, k: "while", test: this.cond(field(n, "condition")), body: this.stmt(field(n, "body")) };
          case "do_statement":
            return { ...at2, k: "do", body: this.stmt(field(n, "body")), test: this.cond(field(n, "condition")) };
          case "for_statement": {
            const init2 = n.childForFieldName("initializer");
            const test = n.childForFieldName("condition");
            const update = n.childForFieldName("update");
            let initStmt = null;
            if (init2) {
              initStmt = init2.type === "declaration" ? this.stmt(init2) : { line: this.line(init2), endLine: this.line(init2), k: "expr", e: this.expr(init2) };
            }
            return {
              ...at2,
              k: "for",
              init: initStmt,
              test: test ? this.expr(test) : null,
              update: update ? this.expr(update) : null,
              body: this.stmt(field(n, "body"))
            };
          }
          case "switch_statement":
            return { ...at2, k: "switch", test: this.cond(field(n, "condition")), body: this.stmt(field(n, "body")) };
          case "case_statement": {
            const value = n.childForFieldName("value");
            const body2 = [];
            for (const c of named(n)) {
              if (value && c.id === value.id) continue;
              if (c.type === "comment") continue;
              body2.push(this.stmt(c));
            }
            return { ...at2, k: "case", value: value ? this.expr(value) : null, body: body2 };
          }
          case "break_statement":
            return { ...at2, k: "break" };
          case "continue_statement":
            return { ...at2, k: "continue" };
          case "return_statement": {
            const e = named(n).filter((c) => c.type !== "comment")[0];
            return { ...at2, k: "return", e: e ? this.expr(e) : null };
          }
          case "goto_statement":
            return { ...at2, k: "goto", label: field(n, "label").text };
          case "labeled_statement": {
            const label = field(n, "label");
            const inner = named(n).filter((c) => c.id !== label.id && c.type !== "comment")[0];
            return { ...at2, k: "label", label: label.text, body: inner ? this.stmt(inner) : { ...at2, k: "empty" } };
          }
          case "attributed_statement": {
            const inner = named(n).filter((c) => c.type !== "attribute_declaration" && c.type !== "comment")[0];
            return inner ? this.stmt(inner) : { ...at2, k: "empty" };
          }
          default: {
            const what = n.type === "ERROR" ? `syntax error: ${clip(n.text)}` : `unsupported statement ${n.type}: ${clip(n.text)}`;
            return { ...at2, k: "expr", e: this.bad(n, what) };
          }
        }
      }
      /** The `(cond)` of if/while/do/switch. */
      cond(n) {
        if (n.type === "parenthesized_expression") {
          const inner = named(n).filter((c) => c.type !== "comment")[0];
          if (inner) return this.expr(inner);
        }
        return this.expr(n);
      }
      // ------------------------------------------------------------------------- initialisers
      init(n) {
        if (!n) return null;
        if (n.type !== "initializer_list") return { k: "expr", e: this.expr(n) };
        const items = [];
        for (const c of named(n)) {
          if (c.type === "comment") continue;
          if (c.type === "initializer_pair") {
            const designators = [];
            for (const d of c.childrenForFieldName("designator")) {
              if (!d) continue;
              if (d.type === "field_designator") designators.push({ k: "field", name: named(d)[0].text });
              else if (d.type === "field_identifier") designators.push({ k: "field", name: d.text });
              else if (d.type === "subscript_designator") designators.push({ k: "index", index: this.expr(named(d)[0]) });
              else this.problem(d, `unsupported designator: ${clip(d.text)}`);
            }
            items.push({ designators, value: this.init(field(c, "value")) });
          } else {
            items.push({ designators: [], value: this.init(c) });
          }
        }
        return { k: "list", items, line: this.line(n) };
      }
      // ------------------------------------------------------------------------- expressions
      expr(n) {
        const line = this.line(n);
        const src = clip(n.text);
        const at2 = { line, src };
        if (n.isMissing) return this.bad(n, `syntax error: missing \`${n.type}\``);
        switch (n.type) {
          case "number_literal":
            return { ...at2, k: "num", text: n.text };
          case "char_literal":
            return { ...at2, k: "char", value: charValue(n.text) };
          case "string_literal":
            return { ...at2, k: "str", value: stringValue(n.text) };
          case "concatenated_string": {
            let s = "";
            for (const c of named(n)) {
              if (c.type === "string_literal") s += stringValue(c.text);
              else return this.bad(c, `macro in string concatenation is not supported: ${src}`);
            }
            return { ...at2, k: "str", value: s };
          }
          case "true":
            return { ...at2, k: "bool", value: true };
          case "false":
            return { ...at2, k: "bool", value: false };
          case "null":
            return { ...at2, k: "null" };
          case "identifier":
            return { ...at2, k: "ident", name: n.text };
          case "parenthesized_expression": {
            const inner = named(n).filter((c) => c.type !== "comment")[0];
            if (!inner) return this.bad(n, "empty parentheses");
            if (inner.type === "compound_statement") return { ...at2, k: "stmtExpr", body: this.blockItems(inner) };
            return { ...at2, k: "paren", arg: this.expr(inner) };
          }
          case "unary_expression":
            return { ...at2, k: "unary", op: field(n, "operator").text, arg: this.expr(field(n, "argument")) };
          case "pointer_expression": {
            const op = field(n, "operator").text;
            const arg = this.expr(field(n, "argument"));
            return op === "&" ? { ...at2, k: "addr", arg } : { ...at2, k: "deref", arg };
          }
          case "binary_expression":
            return { ...at2, k: "binary", op: field(n, "operator").text, left: this.expr(field(n, "left")), right: this.expr(field(n, "right")) };
          case "assignment_expression":
            return { ...at2, k: "assign", op: field(n, "operator").text, left: this.expr(field(n, "left")), right: this.expr(field(n, "right")) };
          case "update_expression": {
            const opNode = field(n, "operator");
            const arg = field(n, "argument");
            return { ...at2, k: "update", op: opNode.text, prefix: opNode.startIndex < arg.startIndex, arg: this.expr(arg) };
          }
          case "call_expression": {
            const argList = field(n, "arguments");
            const raw = { text: argList.text.slice(1, -1), line: this.line(argList) };
            const kids = named(argList).filter((c) => c.type !== "comment");
            const broken = argList.hasError || kids.some((c) => c.type === "compound_statement" || c.type === "preproc_defined");
            return {
              ...at2,
              k: "call",
              callee: this.expr(field(n, "function")),
              args: broken ? null : kids.map((c) => this.expr(c)),
              raw
            };
          }
          case "field_expression":
            return { ...at2, k: "field", obj: this.expr(field(n, "argument")), field: field(n, "field").text, arrow: field(n, "operator").text === "->" };
          case "subscript_expression":
            return { ...at2, k: "index", obj: this.expr(field(n, "argument")), index: this.expr(field(n, "index")) };
          case "cast_expression":
            return { ...at2, k: "cast", type: this.typeName(field(n, "type")), arg: this.expr(field(n, "value")) };
          case "conditional_expression": {
            const test = this.expr(field(n, "condition"));
            const cons = n.childForFieldName("consequence");
            return { ...at2, k: "cond", test, then: cons ? this.expr(cons) : test, else: this.expr(field(n, "alternative")) };
          }
          case "comma_expression":
            return { ...at2, k: "comma", left: this.expr(field(n, "left")), right: this.expr(field(n, "right")) };
          case "sizeof_expression": {
            const t = n.childForFieldName("type");
            if (t) return { ...at2, k: "sizeofType", type: this.typeName(t) };
            return { ...at2, k: "sizeofExpr", arg: this.expr(field(n, "value")) };
          }
          case "offsetof_expression":
            return { ...at2, k: "offsetof", type: this.typeName(field(n, "type")), field: field(n, "member").text };
          case "compound_literal_expression":
            return { ...at2, k: "compoundLit", type: this.typeName(field(n, "type")), init: this.init(field(n, "value")) };
          case "extension_expression":
            return this.expr(named(n)[0]);
          default:
            return this.bad(n, n.type === "ERROR" ? `syntax error: ${src}` : `unsupported expression ${n.type}: ${src}`);
        }
      }
    };
    LowerError = class extends Error {
      constructor(node, message) {
        super(message);
        this.node = node;
      }
      node;
    };
    ESC = { n: 10, t: 9, r: 13, "0": 0, a: 7, b: 8, f: 12, v: 11, "\\": 92, "'": 39, '"': 34, "?": 63, e: 27 };
  }
});

// src/model/interp/compiler-support.ts
function cachedUnit(key2) {
  const hit = unitCache.get(key2);
  if (hit) {
    unitCache.delete(key2);
    unitCache.set(key2, hit);
  }
  return hit;
}
function keepUnit(key2, unit, source) {
  unitCache.delete(key2);
  if (unitCache.size >= UNITS_KEPT) {
    const oldest = unitCache.keys().next().value;
    unitCache.delete(oldest);
    unitSource.delete(oldest);
  }
  unitCache.set(key2, unit);
  unitSource.set(key2, source);
}
function loadCaches(c) {
  for (const [k, v, source] of c.units) keepUnit(k, v, source);
  for (const [k, v] of c.fragments) remember(fragmentCache, k, v);
}
function remember(cache2, key2, value) {
  if (cache2.size >= CACHE_LIMIT) cache2.clear();
  cache2.set(key2, value);
}
function relocate(x, line) {
  if (Array.isArray(x)) return x.map((y) => relocate(y, line));
  if (x === null || typeof x !== "object") return x;
  const out2 = {};
  for (const [k, v] of Object.entries(x)) out2[k] = k === "line" || k === "endLine" ? line : relocate(v, line);
  return out2;
}
function collectLabels(stmts) {
  const out2 = [];
  const walk2 = (s) => {
    switch (s.k) {
      case "label":
        out2.push(s.label);
        walk2(s.body);
        break;
      case "block":
        s.body.forEach(walk2);
        break;
      case "if":
        walk2(s.then);
        if (s.else) walk2(s.else);
        break;
      case "while":
      case "do":
      case "for":
      case "switch":
        walk2(s.body);
        break;
      case "case":
        s.body.forEach(walk2);
        break;
      default:
    }
  };
  stmts.forEach(walk2);
  return out2;
}
function syntaxErrors(node, lineBase) {
  const out2 = [];
  const walk2 = (n) => {
    if (n.type === "argument_list") return;
    if (n.isError || n.isMissing) {
      out2.push({ line: n.startPosition.row + lineBase, message: n.isMissing ? `syntax error: missing \`${n.type}\`` : `syntax error near \`${clip(n.text, 60)}\`` });
      return;
    }
    if (!n.hasError && !n.isMissing) return;
    for (const c of n.children) if (c) walk2(c);
  };
  walk2(node);
  return out2;
}
function returnChecker(name2, t) {
  const bad = (v, th) => th.notModelled(`builtin ${name2}() returned ${v === void 0 ? "undefined" : typeof v} ${String(v)} for \`${typeToString(t)}\``);
  switch (t.k) {
    case "void":
      return () => void 0;
    case "int": {
      const conv = converter(t);
      return (v, th) => {
        if (typeof v === "number" && Number.isInteger(v)) return conv(v);
        if (typeof v === "bigint") return conv(v);
        if (typeof v === "boolean") return conv(v ? 1 : 0);
        if (v === UNINIT) return UNINIT;
        return bad(v, th);
      };
    }
    case "ptr":
      return (v, th) => v === null || v instanceof Ptr || v === UNINIT ? v : v === 0 || v === 0n ? null : bad(v, th);
    case "struct":
      return (v, th) => v !== null && typeof v === "object" && "structName" in v ? v : bad(v, th);
    case "opaque":
      return (v, th) => v !== null && typeof v === "object" && "describe" in v ? v : v === UNINIT ? UNINIT : bad(v, th);
    default:
      return (v) => v;
  }
}
var unitCache, fragmentCache, CACHE_LIMIT, UNITS_KEPT, unitSource;
var init_compiler_support = __esm({
  "src/model/interp/compiler-support.ts"() {
    "use strict";
    init_api();
    init_ctypes();
    init_ints();
    init_lower();
    unitCache = /* @__PURE__ */ new Map();
    fragmentCache = /* @__PURE__ */ new Map();
    CACHE_LIMIT = 2e4;
    UNITS_KEPT = 256;
    unitSource = /* @__PURE__ */ new Map();
  }
});

// src/model/interp/outline-cache.ts
var init_outline_cache = __esm({
  "src/model/interp/outline-cache.ts"() {
    "use strict";
    init_code_digest();
  }
});

// src/model/interp/source-outline.ts
var init_source_outline = __esm({
  "src/model/interp/source-outline.ts"() {
    "use strict";
    init_preprocess();
    init_compiler_support();
    init_ts_parser();
    init_outline_cache();
  }
});

// src/model/kernel/object.ts
function hex(a) {
  return "0x" + BigInt.asUintN(64, a).toString(16);
}
function objectAt(p) {
  if (!(p instanceof Ptr)) return null;
  const r = p.region;
  if (r instanceof ObjRegion) return r.obj;
  return null;
}
function structAt(p, ctx, what) {
  if (!(p instanceof Ptr)) {
    if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
    return ctx.bug(`dereference of an invalid pointer: ${what}`);
  }
  const v = p.region.load(p.index, ctx);
  if (v && typeof v === "object" && "structName" in v) return v;
  return ctx.bug(`${what} does not point to a struct (${p.region.name})`);
}
var ObjRegion, FieldCellRegion, VOID_T, RtObject, PlainObject;
var init_object = __esm({
  "src/model/kernel/object.ts"() {
    "use strict";
    init_api();
    ObjRegion = class {
      constructor(obj, base, elemSize) {
        this.obj = obj;
        this.base = base;
        this.elemSize = elemSize;
        this.elemType = { k: "struct", name: obj.structName };
      }
      obj;
      base;
      elemSize;
      length = 1;
      elemType;
      get name() {
        return this.obj.name;
      }
      load(_i, _ctx) {
        return this.obj;
      }
      store(_i, _v, ctx) {
        ctx.bug(`struct assignment to runtime object ${this.obj.name} is not modelled`);
      }
    };
    FieldCellRegion = class {
      constructor(obj, field2, base, elemType) {
        this.obj = obj;
        this.field = field2;
        this.base = base;
        this.elemType = elemType;
      }
      obj;
      field;
      base;
      elemType;
      length = 1;
      elemSize = 8;
      get name() {
        return `${this.obj.name}.${this.field}`;
      }
      load(_i, ctx) {
        return this.obj.get(this.field, ctx);
      }
      store(_i, v, ctx) {
        this.obj.set(this.field, v, ctx);
      }
    };
    VOID_T = { k: "void" };
    RtObject = class {
      constructor(name2, base, size, container) {
        this.name = name2;
        this.base = base;
        this.size = size;
        this.self = new Ptr(new ObjRegion(this, base, size), 0);
        if (container) this.container = container;
      }
      name;
      base;
      size;
      self;
      container;
      fieldPtrs = null;
      set(field2, _value, ctx) {
        ctx.bug(`${this.structName}.${field2} of ${this.name} is read-only in the model`);
      }
      /** Embedded struct at `field`, if any (locks, wait queues, the anon_vma tree root). */
      embedded(_field) {
        return void 0;
      }
      fieldPtr(field2, _ctx) {
        const e = this.embedded(field2);
        if (e) return e.self;
        this.fieldPtrs ??= /* @__PURE__ */ new Map();
        let p = this.fieldPtrs.get(field2);
        if (!p) {
          const off = BigInt(8 * (this.fieldPtrs.size + 1));
          p = new Ptr(new FieldCellRegion(this, field2, this.base + off, VOID_T), 0);
          this.fieldPtrs.set(field2, p);
        }
        return p;
      }
      /** Registers this object's region (and embedded objects') with the address space. */
      register(mem) {
        mem.register(this.self.region);
        return this;
      }
      noField(field2, ctx) {
        return ctx.bug(`struct ${this.structName} has no field ${field2} in the model`);
      }
    };
    PlainObject = class extends RtObject {
      constructor(structName, name2, base, size, init2) {
        super(name2, base, size);
        this.structName = structName;
        this.vals = new Map(Object.entries(init2));
      }
      structName;
      vals;
      get(field2, ctx) {
        if (!this.vals.has(field2)) return this.noField(field2, ctx);
        return this.vals.get(field2);
      }
      set(field2, value, ctx) {
        if (!this.vals.has(field2)) this.noField(field2, ctx);
        this.vals.set(field2, value);
      }
    };
  }
});

// src/model/kernel/locks.ts
function fnOf(ctx) {
  const f = ctx.loc().function;
  return f === "<runtime>" ? "(scenario)" : f;
}
function traceLock(ctx, op, lock) {
  if (quietLocks.has(ctx.mem)) return;
  ctx.trace({ t: "lock", op, lock, thread: ctx.thread.name, fn: fnOf(ctx) });
}
function* acquire(ctx, lock, shared = false) {
  const t = ctx.thread;
  const p = ctx.preemptPoint?.("acquire", [lock, shared]);
  if (p) yield p;
  if (!lock.canAcquire(t, shared)) {
    traceLock(ctx, "block", lock.name);
    const w = lock.waitable(t, shared);
    while (!lock.canAcquire(t, shared)) yield { blockedOn: w };
  }
  lock.take(t, shared);
  lock.lastFn = fnOf(ctx);
  lock.takenIn.set(t.id, lock.lastFn);
  traceLock(ctx, "acquire", lock.name);
}
function tryAcquire(ctx, lock, shared = false) {
  if (!lock.canAcquire(ctx.thread, shared)) {
    traceLock(ctx, "trylock-fail", lock.name);
    return false;
  }
  lock.take(ctx.thread, shared);
  lock.lastFn = fnOf(ctx);
  lock.takenIn.set(ctx.thread.id, lock.lastFn);
  traceLock(ctx, "acquire", lock.name);
  return true;
}
function release(ctx, lock, shared = false) {
  if (!lock.drop(ctx.thread, shared)) ctx.bug(`${ctx.thread.name} releases ${lock.name}, which it does not hold`);
  lock.lastFn = fnOf(ctx);
  traceLock(ctx, "release", lock.name);
}
var quietLocks, LockBase, SpinLock, RwSem, WaitQueue, LockRegistry;
var init_locks = __esm({
  "src/model/kernel/locks.ts"() {
    "use strict";
    init_api();
    init_object();
    quietLocks = /* @__PURE__ */ new WeakSet();
    LockBase = class extends RtObject {
      /** Last function that took or released it (for lock-leak reports). */
      lastFn = "";
      /** The function each holder took it in, by thread id (for lock-held-at-exit reports). */
      takenIn = /* @__PURE__ */ new Map();
      get(field2, ctx) {
        return this.noField(field2, ctx);
      }
      waitable(t, shared) {
        const lock = this;
        return {
          name: this.name,
          holder: () => lock.holders()[0] ?? null,
          ready: () => lock.canAcquire(t, shared)
        };
      }
    };
    SpinLock = class extends LockBase {
      constructor(name2, base, kind = "spinlock") {
        super(name2, base, 8);
        this.kind = kind;
        this.structName = kind === "mutex" ? "mutex" : "spinlock";
      }
      kind;
      structName;
      owner = null;
      holders() {
        return this.owner ? [this.owner] : [];
      }
      canAcquire() {
        return this.owner === null;
      }
      take(t) {
        this.owner = t;
      }
      drop(t) {
        if (this.owner?.id !== t.id) return false;
        this.owner = null;
        return true;
      }
    };
    RwSem = class extends LockBase {
      structName = "rw_semaphore";
      kind = "rwsem";
      writer = null;
      readers = /* @__PURE__ */ new Map();
      holders() {
        if (this.writer) return [this.writer];
        return [...this.readers.values()].map((r) => r.t);
      }
      canAcquire(_t, shared) {
        if (this.writer) return false;
        return shared ? true : this.readers.size === 0;
      }
      take(t, shared) {
        if (!shared) {
          this.writer = t;
          return;
        }
        const r = this.readers.get(t.id);
        if (r) r.n++;
        else this.readers.set(t.id, { t, n: 1 });
      }
      drop(t, shared) {
        if (!shared) {
          if (this.writer?.id !== t.id) return false;
          this.writer = null;
          return true;
        }
        const r = this.readers.get(t.id);
        if (!r) return false;
        if (--r.n === 0) this.readers.delete(t.id);
        return true;
      }
    };
    WaitQueue = class extends RtObject {
      structName = "wait_queue_head";
      generation = 0;
      get(field2, ctx) {
        return this.noField(field2, ctx);
      }
      waitable() {
        const q = this;
        const gen = this.generation;
        return { name: this.name, holder: () => null, ready: () => q.generation !== gen };
      }
      wakeAll() {
        this.generation++;
      }
    };
    LockRegistry = class {
      constructor(mem) {
        this.mem = mem;
      }
      mem;
      byAddr = /* @__PURE__ */ new Map();
      all = [];
      add(l) {
        this.all.push(l);
        this.byAddr.set(l.base, l);
        l.register(this.mem);
        return l;
      }
      spin(name2) {
        return this.add(new SpinLock(name2, this.mem.allocate(8, 8), "spinlock"));
      }
      mutex(name2) {
        return this.add(new SpinLock(name2, this.mem.allocate(8, 8), "mutex"));
      }
      rwsem(name2, base) {
        return this.add(new RwSem(name2, base ?? this.mem.allocate(8, 8), 8));
      }
      waitQueue(name2, base) {
        return this.add(new WaitQueue(name2, base ?? this.mem.allocate(8, 8), 8));
      }
      /** The lock `p` points to. A lock embedded in a model struct gets a lock object on first use. */
      resolve(p, ctx, kind) {
        const o = objectAt(p);
        if (o instanceof LockBase) return o;
        if (!(p instanceof Ptr)) return ctx.bug(p === null ? `NULL lock pointer passed to a ${kind} operation` : `invalid lock pointer passed to a ${kind} operation`);
        const addr2 = p.address;
        const known = this.byAddr.get(addr2);
        if (known instanceof LockBase) return known;
        const name2 = p.region.name + (p.byteOffset ? `+${p.byteOffset}` : "");
        const l = kind === "rwsem" ? new RwSem(name2, addr2, 8) : new SpinLock(name2, addr2, kind === "mutex" ? "mutex" : "spinlock");
        this.all.push(l);
        this.byAddr.set(addr2, l);
        return l;
      }
      resolveQueue(p, ctx) {
        const o = objectAt(p);
        if (o instanceof WaitQueue) return o;
        if (!(p instanceof Ptr)) return ctx.bug("invalid wait queue pointer");
        const known = this.byAddr.get(p.address);
        if (known instanceof WaitQueue) return known;
        const q = new WaitQueue(p.region.name, p.address, 8);
        this.all.push(q);
        this.byAddr.set(p.address, q);
        return q;
      }
    };
  }
});

// src/model/kernel/mm/page.ts
function pageOf(memmap, p, ctx, what = "page") {
  if (p instanceof Ptr && p.region === memmap.region && p.byteOffset === 0) {
    if (!memmap.exists(p.index)) return ctx.bug(`${what}: pfn ${hex(BigInt(p.index))} was never allocated`);
    return memmap.state(p.index);
  }
  if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  if (p instanceof Ptr) return ctx.bug(`${what} is not a struct page pointer (${p.region.name}${p.byteOffset ? "+" + p.byteOffset : ""})`);
  return ctx.bug(`${what} is an uninitialised or non-pointer value`);
}
var HPAGE_PMD_NR, VMEMMAP, PAGE_OFFSET, POISON_POINTER_DELTA, TAIL_MAPPING, STRUCT_PAGE_SIZE, PageState, PageObj, PAGE_T, MemmapRegion, Memmap;
var init_page = __esm({
  "src/model/kernel/mm/page.ts"() {
    "use strict";
    init_api();
    init_object();
    HPAGE_PMD_NR = 512;
    VMEMMAP = 0xffffea0000000000n;
    PAGE_OFFSET = 0xffff888000000000n;
    POISON_POINTER_DELTA = 0xdead000000000000n;
    TAIL_MAPPING = 0x400n + POISON_POINTER_DELTA;
    STRUCT_PAGE_SIZE = 64;
    PageState = class {
      constructor(pfn) {
        this.pfn = pfn;
        this.head = pfn;
      }
      pfn;
      kind = "free";
      /** pfn of the compound head (== pfn for order-0 and heads). */
      head;
      /** compound_order of a head (0 otherwise). */
      order = 0;
      /** page->mapping of a head / order-0 page: the anon_vma pointer tagged with PAGE_MAPPING_ANON. */
      mapping = null;
      index = 0n;
      /** _refcount (meaningful on head / order-0; tails stay 0). */
      refcount = 0;
      /** _mapcount, -1 based (PTE mappings of this very subpage). */
      mapcount = -1;
      /** compound_mapcount (kept in page[1] in the kernel), -1 based: PMD mappings of the THP. */
      compoundMapcount = -1;
      /** PG_locked owner (head / order-0 only). */
      lockedBy = null;
      dirty = false;
      referenced = false;
      mlocked = false;
      /** PG_anon_exclusive of this very subpage (releases that have it: Release.anonExclusive). */
      anonExclusive = false;
      /** The page's contents, as one word (what user space last stored there). */
      data = 0n;
      /** Function that last changed this page's lock, references or mappings (for end-of-run checks). */
      lastFn = "";
      /** Function that took the page lock its holder holds, and that last took a reference. */
      lockedIn = "";
      refIn = "";
      /** Threads sleeping until the page lock is free, with the function each waits in. */
      lockWaiters = null;
      get isTail() {
        return this.head !== this.pfn;
      }
      get isHead() {
        return this.order > 0;
      }
    };
    PageObj = class {
      constructor(memmap, s) {
        this.memmap = memmap;
        this.s = s;
      }
      memmap;
      s;
      structName = "page";
      fptrs = null;
      get self() {
        return new Ptr(this.memmap.region, this.s.pfn);
      }
      get(field2, ctx) {
        const s = this.s;
        switch (field2) {
          case "flags":
            return this.memmap.flagsWord(s);
          case "mapping":
            if (s.isTail) return this.memmap.tailMappingSlot(s, ctx, "mapping");
            return s.mapping;
          case "index":
            if (s.isTail) return this.memmap.tailMappingSlot(s, ctx, "index");
            return s.index;
          case "private":
            return 0n;
          case "_mapcount":
            return s.mapcount;
          case "_refcount":
            return s.refcount;
          case "page":
            return this;
          case "_folio_order":
          case "_folio_nr_pages":
          case "_total_mapcount":
          case "_pincount":
          case "_flags_1":
          case "_large_mapcount":
          case "_entire_mapcount":
          case "_nr_pages_mapped":
            return this.largeFolioField(field2, ctx);
          default:
            return ctx.bug(`struct page has no field ${field2} in the model`);
        }
      }
      /** A struct folio field that lives in page[1]: meaningful for a large folio's head only. */
      largeFolioField(field2, ctx) {
        const s = this.s;
        if (!s.isHead) return ctx.notModelled(`folio->${field2} of pfn ${hex(BigInt(s.pfn))}, which is not the head of a large folio (the field lives in the next struct page)`);
        switch (field2) {
          case "_folio_order":
            return s.order;
          case "_folio_nr_pages":
            return 1 << s.order;
          case "_total_mapcount":
            return s.compoundMapcount;
          case "_entire_mapcount":
            return s.compoundMapcount;
          case "_flags_1":
            if (!this.memmap.release.orderInFlags1) return ctx.notModelled("folio->_flags_1 of a release that keeps the order in _folio_order");
            return BigInt(s.order);
          case "_large_mapcount":
          case "_nr_pages_mapped": {
            const subs = Array.from({ length: 1 << s.order }, (_, i2) => this.memmap.state(s.pfn + i2).mapcount);
            if (field2 === "_large_mapcount") return subs.reduce((n, m) => n + m + 1, s.compoundMapcount + 1) - 1;
            return subs.filter((m) => m >= 0).length + (s.compoundMapcount >= 0 ? 8388608 : 0);
          }
          default:
            return 0;
        }
      }
      set(field2, value, ctx) {
        const s = this.s;
        switch (field2) {
          case "_mapcount":
            s.mapcount = Number(value);
            return;
          case "_refcount":
            s.refcount = Number(value);
            return;
          case "index":
            s.index = BigInt(value);
            return;
          case "mapping":
            s.mapping = value;
            return;
          default:
            ctx.bug(`writing struct page field ${field2} is not modelled`);
        }
      }
      fieldPtr(field2, _ctx) {
        if (field2 === "page") return this.self;
        this.fptrs ??= /* @__PURE__ */ new Map();
        let p = this.fptrs.get(field2);
        if (!p) {
          const off = { flags: 0n, mapping: 24n, index: 32n, private: 40n, _mapcount: 48n, _refcount: 52n }[field2] ?? 56n;
          p = new Ptr(new FieldCellRegion(this, field2, this.memmap.addressOf(this.s.pfn) + off, { k: "void" }), 0);
          this.fptrs.set(field2, p);
        }
        return p;
      }
    };
    PAGE_T = { k: "struct", name: "page" };
    MemmapRegion = class {
      constructor(memmap, length) {
        this.memmap = memmap;
        this.length = length;
      }
      memmap;
      length;
      name = "memmap";
      elemType = PAGE_T;
      elemSize = STRUCT_PAGE_SIZE;
      base = VMEMMAP;
      load(index, ctx) {
        if (!this.memmap.exists(index)) return ctx.bug(`access to struct page of pfn ${hex(BigInt(index))}, which is not memory the model gave out`);
        return this.memmap.obj(index);
      }
      store(index, _v, ctx) {
        ctx.bug(`struct assignment to struct page of pfn ${hex(BigInt(index))}`);
      }
    };
    Memmap = class {
      constructor(release2, maxPfn = 1 << 16, firstPfn = 4096) {
        this.release = release2;
        this.maxPfn = maxPfn;
        this.region = new MemmapRegion(this, maxPfn);
        this.nextPfn = firstPfn;
      }
      release;
      maxPfn;
      region;
      states = /* @__PURE__ */ new Map();
      objs = /* @__PURE__ */ new Map();
      nextPfn;
      addressOf(pfn) {
        return VMEMMAP + BigInt(pfn) * BigInt(STRUCT_PAGE_SIZE);
      }
      exists(pfn) {
        return this.states.has(pfn);
      }
      state(pfn) {
        const s = this.states.get(pfn);
        if (!s) throw new Error(`pfn ${hex(BigInt(pfn))} was never allocated`);
        return s;
      }
      obj(pfn) {
        let o = this.objs.get(pfn);
        if (!o) {
          o = new PageObj(this, this.state(pfn));
          this.objs.set(pfn, o);
        }
        return o;
      }
      ptr(pfn) {
        return new Ptr(this.region, pfn);
      }
      /** Every page state, in pfn order (for checks, fingerprints and the final summary). */
      all() {
        return [...this.states.values()];
      }
      /** Allocate 2^order pages (naturally aligned); a compound page when order > 0. */
      alloc(kind, order = 0, fn = "") {
        const n = 1 << order;
        const pfn = Math.ceil(this.nextPfn / n) * n;
        if (pfn + n > this.maxPfn) throw new Error(`model memory exhausted (${this.maxPfn} pages)`);
        this.nextPfn = pfn + n;
        const head2 = new PageState(pfn);
        head2.kind = kind;
        head2.order = order;
        head2.refcount = 1;
        head2.lastFn = fn;
        this.states.set(pfn, head2);
        for (let i2 = 1; i2 < n; i2++) {
          const t = new PageState(pfn + i2);
          t.kind = kind;
          t.head = pfn;
          t.lastFn = fn;
          this.states.set(pfn + i2, t);
        }
        return head2;
      }
      headOf(s) {
        return s.isTail ? this.state(s.head) : s;
      }
      /**
       * page->flags as a word: PG_locked(0) referenced(2) dirty(4) head(16) mlocked(21) (x86-64 order),
       * and PG_anon_exclusive (the PG_mappedtodisk bit, 17) where the release has it.
       */
      flagsWord(s) {
        let f = 0n;
        const h = this.headOf(s);
        if (!s.isTail && s.lockedBy) f |= 1n << 0n;
        if (s.referenced) f |= 1n << 2n;
        if (s.dirty || s.isTail && h.dirty) f |= 1n << 4n;
        if (s.isHead) f |= 1n << 16n;
        if (s.anonExclusive && this.release.anonExclusive) f |= 1n << 17n;
        if (h.mlocked) f |= 1n << 21n;
        return f;
      }
      /**
       * What the `mapping` / `index` slot of a tail page holds (5.14 x86-64 layout, notes §2),
       * recording the read as a hazard when it is `mapping`.
       */
      tailMappingSlot(s, ctx, field2) {
        const nth = s.pfn - s.head;
        const h = this.state(s.head);
        let v;
        let what;
        if (nth === 1) {
          const nr = BigInt(1 << h.order);
          const pincount = this.release.firstTailPincount;
          const slot = pincount ? nr << 32n : TAIL_MAPPING & ~0xffffffffn | nr;
          v = field2 === "mapping" ? ctx.mem.ptrAt(slot, { k: "void" }) : 0n;
          what = pincount ? `first tail: compound_pincount 0 and compound_nr ${nr} (${hex(slot)})` : `first tail: compound_nr ${nr} over TAIL_MAPPING (${hex(slot)})`;
        } else if (nth === 2) {
          const self2 = this.addressOf(s.pfn) + 24n;
          v = field2 === "mapping" ? new Ptr(this.region, s.pfn, 24) : self2;
          what = `second tail: deferred_list.next (${hex(self2)})`;
        } else {
          v = field2 === "mapping" ? ctx.mem.ptrAt(TAIL_MAPPING, { k: "void" }) : 0n;
          what = `tail ${nth}: TAIL_MAPPING (${hex(TAIL_MAPPING)})`;
        }
        if (field2 === "mapping") {
          ctx.hazard("tail-mapping-read", `->mapping of tail page pfn ${hex(BigInt(s.pfn))} (head ${hex(BigInt(s.head))}) reads the ${what}`);
        }
        return v;
      }
    };
  }
});

// src/model/kernel/mm/pgtable-types.ts
function vmGetPageProt(flags2) {
  const shared = (flags2 & VM_SHARED) !== 0n;
  return new PgProt((flags2 & VM_READ) !== 0n, shared && (flags2 & VM_WRITE) !== 0n, (flags2 & VM_EXEC) !== 0n);
}
var SwpEntry, Pte, Pmd, UpperEntry, PgProt, VM_READ, VM_WRITE, VM_EXEC, VM_SHARED, VM_MAYREAD, VM_MAYWRITE, VM_MAYEXEC;
var init_pgtable_types = __esm({
  "src/model/kernel/mm/pgtable-types.ts"() {
    "use strict";
    init_object();
    SwpEntry = class _SwpEntry {
      constructor(type, offset) {
        this.type = type;
        this.offset = offset;
      }
      type;
      offset;
      opaqueType = "swp_entry_t";
      describe() {
        return `swp(${this.type}, ${hex(this.offset)})`;
      }
      equals(o) {
        return o instanceof _SwpEntry && o.type === this.type && o.offset === this.offset;
      }
      get isNonSwap() {
        return this.type !== "swap";
      }
      get isDeviceExclusive() {
        return this.type === "device-exclusive-write" || this.type === "device-exclusive-read" || this.type === "device-exclusive";
      }
      get isMigration() {
        return this.type === "migration-read" || this.type === "migration-write";
      }
      get isDevicePrivate() {
        return this.type === "device-write" || this.type === "device-read";
      }
      /** pfn-carrying entries (is_pfn_swap_entry). */
      get isPfn() {
        return this.isMigration || this.isDevicePrivate || this.isDeviceExclusive;
      }
    };
    Pte = class _Pte {
      constructor(v) {
        this.v = v;
      }
      v;
      opaqueType = "pte_t";
      text = null;
      static NONE = new _Pte({ k: "none" });
      static present(pfn, bits) {
        return new _Pte({ k: "present", pfn, bits });
      }
      static swap(entry, softDirty = false, uffdWp = false) {
        return new _Pte({ k: "swap", entry, softDirty, uffdWp });
      }
      get present() {
        return this.v.k === "present";
      }
      get none() {
        return this.v.k === "none";
      }
      describe() {
        if (this.text !== null) return this.text;
        const v = this.v;
        let s;
        if (v.k === "none") s = "pte(none)";
        else if (v.k === "present") {
          const b2 = v.bits;
          s = `pte(pfn ${hex(BigInt(v.pfn))} ${b2.write ? "W" : "R"}${b2.dirty ? "D" : ""}${b2.young ? "A" : ""}${b2.softDirty ? "S" : ""}${b2.uffdWp ? "U" : ""})`;
        } else s = `pte(${v.entry.describe()}${v.softDirty ? " S" : ""}${v.uffdWp ? " U" : ""})`;
        return this.text = s;
      }
      equals(o) {
        return o instanceof _Pte && o.describe() === this.describe();
      }
    };
    Pmd = class _Pmd {
      constructor(v) {
        this.v = v;
      }
      v;
      opaqueType = "pmd_t";
      static NONE = new _Pmd({ k: "none" });
      describe() {
        const v = this.v;
        if (v.k === "none") return "pmd(none)";
        if (v.k === "table") return `pmd(table pfn ${hex(BigInt(v.tablePfn))})`;
        const b2 = v.bits;
        return `pmd(huge pfn ${hex(BigInt(v.pfn))} ${b2.write ? "W" : "R"}${b2.dirty ? "D" : ""}${b2.young ? "A" : ""})`;
      }
      equals(o) {
        return o instanceof _Pmd && o.describe() === this.describe();
      }
    };
    UpperEntry = class _UpperEntry {
      constructor(opaqueType, present, tableId) {
        this.opaqueType = opaqueType;
        this.present = present;
        this.tableId = tableId;
      }
      opaqueType;
      present;
      tableId;
      describe() {
        return this.present ? `${this.opaqueType}(table #${this.tableId})` : `${this.opaqueType}(none)`;
      }
      equals(o) {
        return o instanceof _UpperEntry && o.describe() === this.describe();
      }
    };
    PgProt = class _PgProt {
      constructor(read, write, exec) {
        this.read = read;
        this.write = write;
        this.exec = exec;
      }
      read;
      write;
      exec;
      opaqueType = "pgprot_t";
      describe() {
        return `pgprot(${this.read ? "r" : "-"}${this.write ? "w" : "-"}${this.exec ? "x" : "-"})`;
      }
      equals(o) {
        return o instanceof _PgProt && o.describe() === this.describe();
      }
    };
    VM_READ = 0x1n;
    VM_WRITE = 0x2n;
    VM_EXEC = 0x4n;
    VM_SHARED = 0x8n;
    VM_MAYREAD = 0x10n;
    VM_MAYWRITE = 0x20n;
    VM_MAYEXEC = 0x40n;
  }
});

// src/model/kernel/mm/pgtable.ts
function indexAt(level, addr2) {
  return Number(addr2 >> SHIFT[level] & 511n);
}
var SHIFT, ENTRY_T, PageTable, PageTables;
var init_pgtable = __esm({
  "src/model/kernel/mm/pgtable.ts"() {
    "use strict";
    init_api();
    init_object();
    init_page();
    init_pgtable_types();
    SHIFT = { pgd: 39n, pud: 30n, pmd: 21n, pte: 12n };
    ENTRY_T = {
      pgd: { k: "opaque", name: "pgd_t" },
      pud: { k: "opaque", name: "pud_t" },
      pmd: { k: "opaque", name: "pmd_t" },
      pte: { k: "opaque", name: "pte_t" }
    };
    PageTable = class {
      constructor(level, page, vaddr, mmId, k) {
        this.level = level;
        this.page = page;
        this.vaddr = vaddr;
        this.mmId = mmId;
        this.base = PAGE_OFFSET + BigInt(page.pfn) * 4096n;
        this.elemType = ENTRY_T[level];
        const empty = level === "pte" ? Pte.NONE : level === "pmd" ? Pmd.NONE : new UpperEntry(level === "pgd" ? "pgd_t" : "pud_t", false, 0);
        this.entries = new Array(512).fill(empty);
        this.lock = level === "pmd" || level === "pte" ? k.locks.spin(`${level} lock of table @${hex(this.base)} (mm ${mmId})`) : null;
      }
      level;
      page;
      vaddr;
      mmId;
      elemSize = 8;
      length = 512;
      base;
      elemType;
      entries;
      /** The split page-table lock of a pmd or pte table. */
      lock;
      /** Tables below this one, by index (for upper levels). */
      children = new Array(512).fill(null);
      /** Made once: level, address and mm never change. */
      get name() {
        return this.named ??= `${this.level} table @${hex(this.base)} (mm ${this.mmId})`;
      }
      named;
      load(index, _ctx) {
        return this.entries[index];
      }
      store(index, value, ctx) {
        if (this.level === "pte" && !(value instanceof Pte)) ctx.bug(`storing a non-pte value into ${this.name}`);
        if (this.level === "pmd" && !(value instanceof Pmd)) ctx.bug(`storing a non-pmd value into ${this.name}`);
        this.entries[index] = value;
      }
      /** Address mapped by entry `i`. */
      addrOf(i2) {
        return this.vaddr + (BigInt(i2) << SHIFT[this.level]);
      }
      ptr(i2) {
        return new Ptr(this, i2);
      }
    };
    PageTables = class {
      constructor(k, mmId) {
        this.k = k;
        this.mmId = mmId;
        this.pgd = this.newTable("pgd", 0n);
      }
      k;
      mmId;
      pgd;
      newTable(level, vaddr) {
        const page = this.k.memmap.alloc("pagetable", 0, "pte_alloc");
        const t = new PageTable(level, page, vaddr, this.mmId, this.k);
        this.k.tablesByPfn.set(page.pfn, t);
        this.k.mem.register(t);
        return t;
      }
      /** The table of `level` covering addr, allocating upper levels when `alloc` (pgd..pmd only). */
      tableFor(addr2, level, alloc) {
        let t = this.pgd;
        const order = ["pgd", "pud", "pmd"];
        for (const lv of order) {
          if (lv === level) return t;
          const i2 = indexAt(lv, addr2);
          let c = t.children[i2] ?? null;
          if (!c) {
            if (!alloc) return null;
            const next = lv === "pgd" ? "pud" : "pmd";
            const span = 1n << SHIFT[lv];
            c = this.newTable(next, addr2 & ~(span - 1n));
            t.children[i2] = c;
            t.entries[i2] = new UpperEntry(lv === "pgd" ? "pgd_t" : "pud_t", true, c.page.pfn);
          }
          t = c;
        }
        return t;
      }
      /** The pmd slot for addr (allocating upper levels when asked). */
      pmdSlot(addr2, alloc) {
        const t = this.tableFor(addr2, "pmd", alloc);
        return t ? { table: t, i: indexAt("pmd", addr2) } : null;
      }
      /** The pte table a pmd slot points to, or null. */
      pteTableOf(pmd2) {
        const v = pmd2.table.entries[pmd2.i].v;
        if (v.k !== "table") return null;
        return this.k.tablesByPfn.get(v.tablePfn) ?? null;
      }
      /** Install an empty pte table under a none pmd (__pte_alloc). */
      allocPteTable(pmd2) {
        const t = this.newTable("pte", pmd2.table.addrOf(pmd2.i));
        pmd2.table.entries[pmd2.i] = new Pmd({ k: "table", tablePfn: t.page.pfn });
        return t;
      }
      /** Look up what maps addr: the pmd slot, the pte slot (if a pte table), without allocating. */
      lookup(addr2) {
        const pmd2 = this.pmdSlot(addr2, false);
        if (!pmd2) return { pmd: null, pte: null };
        const pt = this.pteTableOf(pmd2);
        return { pmd: pmd2, pte: pt ? { table: pt, i: indexAt("pte", addr2) } : null };
      }
      /** Every pte table in address order (for checks and summaries). */
      *pteTables() {
        for (const pud of this.pgd.children) {
          if (!pud) continue;
          for (const pmdT of pud.children) {
            if (!pmdT) continue;
            for (let i2 = 0; i2 < 512; i2++) {
              const v = pmdT.entries[i2].v;
              if (v.k === "table") yield this.k.tablesByPfn.get(v.tablePfn);
            }
          }
        }
      }
      /** Every pmd table in address order. */
      *pmdTables() {
        for (const pud of this.pgd.children) {
          if (!pud) continue;
          for (const pmdT of pud.children) if (pmdT) yield pmdT;
        }
      }
    };
  }
});

// src/model/kernel/mm/vma.ts
function chainsOverlapping(av, start2, last) {
  return av.chains.filter((c) => {
    const first = c.vma.pgoff;
    const end = c.vma.pgoff + c.vma.npages - 1n;
    return first <= last && end >= start2;
  });
}
function asStruct(v, cls, ctx, what) {
  if (v instanceof Ptr) {
    const o = v.region.load(v.index, ctx);
    if (o instanceof cls) return o;
  }
  if (v === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  return ctx.bug(`${what} does not point to a ${cls.name}`);
}
var MmStruct, Vma, RbRoot, AnonVma, AnonVmaChain;
var init_vma = __esm({
  "src/model/kernel/mm/vma.ts"() {
    "use strict";
    init_api();
    init_locks();
    init_object();
    init_pgtable();
    init_pgtable_types();
    MmStruct = class extends RtObject {
      constructor(k, id, label) {
        super(`mm ${id} (${label})`, k.mem.allocate(1024), 1024);
        this.k = k;
        this.id = id;
        this.label = label;
        this.mmapLock = new RwSem(`mmap_lock of mm ${id}`, this.base + 8n, 8, { obj: this, field: "mmap_lock" });
        k.locks.all.push(this.mmapLock);
        this.register(k.mem);
        this.mmapLock.register(k.mem);
        this.pt = new PageTables(k, id);
      }
      k;
      id;
      label;
      structName = "mm_struct";
      pt;
      vmas = [];
      mmapLock;
      subs = null;
      users = 1;
      get(field2, ctx) {
        switch (field2) {
          case "notifier_subscriptions":
            return this.subs ? this.subs.self : null;
          case "map_count":
            return this.vmas.length;
          case "mm_users":
            return this.users;
          default:
            return this.noField(field2, ctx);
        }
      }
      embedded(field2) {
        return field2 === "mmap_lock" ? this.mmapLock : void 0;
      }
      /** find_vma(): the first vma with vm_end > addr. */
      findVma(addr2) {
        for (const v of this.vmas) if (addr2 < v.end) return v;
        return null;
      }
      /** The vma containing addr, or null. */
      vmaAt(addr2) {
        const v = this.findVma(addr2);
        return v && v.start <= addr2 ? v : null;
      }
      insertVma(v) {
        this.vmas.push(v);
        this.vmas.sort((a, b2) => a.start < b2.start ? -1 : a.start > b2.start ? 1 : 0);
      }
    };
    Vma = class extends RtObject {
      constructor(k, mm, start2, end, flags2, pgoff, thp) {
        super(`vma [${hex(start2)}, ${hex(end)}) of mm ${mm.id}`, k.mem.allocate(256), 256);
        this.mm = mm;
        this.start = start2;
        this.end = end;
        this.flags = flags2;
        this.pgoff = pgoff;
        this.thp = thp;
        this.prot = vmGetPageProt(flags2);
        this.register(k.mem);
      }
      mm;
      start;
      end;
      flags;
      pgoff;
      thp;
      structName = "vm_area_struct";
      prot;
      anonVma = null;
      get(field2, ctx) {
        switch (field2) {
          case "vm_start":
            return this.start;
          case "vm_end":
            return this.end;
          case "vm_mm":
            return this.mm.self;
          case "vm_page_prot":
            return this.prot;
          case "vm_flags":
            return this.flags;
          case "anon_vma":
            return this.anonVma ? this.anonVma.self : null;
          case "vm_pgoff":
            return this.pgoff;
          case "vm_ops":
            return null;
          default:
            return this.noField(field2, ctx);
        }
      }
      /** linear_page_index(): the pgoff of addr in this vma. */
      pgoffOf(addr2) {
        return (addr2 - this.start >> 12n) + this.pgoff;
      }
      get npages() {
        return this.end - this.start >> 12n;
      }
    };
    RbRoot = class extends RtObject {
      constructor(av) {
        super(`rb_root of ${av.name}`, av.base + 32n, 8, { obj: av, field: "rb_root" });
        this.av = av;
      }
      av;
      structName = "rb_root_cached";
      get(field2, ctx) {
        return this.noField(field2, ctx);
      }
    };
    AnonVma = class extends RtObject {
      constructor(k, id, parent) {
        super(`anon_vma ${id}`, k.mem.allocate(128), 128);
        this.id = id;
        this.parent = parent;
        this.root = parent ? parent.root : this;
        this.rwsem = new RwSem(`rwsem of anon_vma ${this.root.id}`, this.base + 8n, 8, { obj: this, field: "rwsem" });
        k.locks.all.push(this.rwsem);
        this.rbRoot = new RbRoot(this);
        this.register(k.mem);
        this.rwsem.register(k.mem);
        this.rbRoot.register(k.mem);
      }
      id;
      parent;
      structName = "anon_vma";
      rwsem;
      rbRoot;
      chains = [];
      refcount = 1;
      root;
      get(field2, ctx) {
        switch (field2) {
          case "root":
            return this.root.self;
          case "parent":
            return this.parent ? this.parent.self : null;
          case "refcount":
            return this.refcount;
          default:
            return this.noField(field2, ctx);
        }
      }
      set(field2, value, ctx) {
        if (field2 === "refcount") this.refcount = Number(value);
        else this.noField(field2, ctx);
      }
      embedded(field2) {
        if (field2 === "rwsem") return this.rwsem;
        if (field2 === "rb_root") return this.rbRoot;
        return void 0;
      }
    };
    AnonVmaChain = class extends RtObject {
      constructor(k, vma, av) {
        super(`anon_vma_chain (${vma.name} in ${av.name})`, k.mem.allocate(64), 64);
        this.vma = vma;
        this.av = av;
        this.register(k.mem);
      }
      vma;
      av;
      structName = "anon_vma_chain";
      get(field2, ctx) {
        switch (field2) {
          case "vma":
            return this.vma.self;
          case "anon_vma":
            return this.av.self;
          default:
            return this.noField(field2, ctx);
        }
      }
    };
  }
});

// src/model/kernel/drivers/nouveau.ts
var GpuPageTable;
var init_nouveau = __esm({
  "src/model/kernel/drivers/nouveau.ts"() {
    "use strict";
    GpuPageTable = class {
      entries = /* @__PURE__ */ new Map();
      /** Count of PFNCLR calls and of pages they cleared (the process-wide notifier's work). */
      clears = 0;
      cleared = 0;
      map(addr2, phys) {
        const V = 1n, W = 2n, A = 4n;
        this.entries.set(addr2 & ~0xfffn, { pfn: phys >> 12n, valid: (phys & V) !== 0n, write: (phys & W) !== 0n, atomic: (phys & A) !== 0n });
      }
      clear(start2, size) {
        this.clears++;
        for (const a of [...this.entries.keys()]) {
          if (a >= start2 && a < start2 + size) {
            this.entries.delete(a);
            this.cleared++;
          }
        }
      }
      describe() {
        return [...this.entries.entries()].sort((a, b2) => a[0] < b2[0] ? -1 : 1).map(([a, e]) => `0x${a.toString(16)} -> pfn 0x${e.pfn.toString(16)} ${e.valid ? "V" : ""}${e.write ? "W" : ""}${e.atomic ? "A" : ""}`);
      }
    };
  }
});

// src/model/kernel/lib/xarray.ts
var XArray;
var init_xarray = __esm({
  "src/model/kernel/lib/xarray.ts"() {
    "use strict";
    XArray = class {
      entries = /* @__PURE__ */ new Map();
      /** The present indices in ascending order (find() is a binary search, not a scan). */
      sorted = [];
      load(index) {
        return this.entries.has(index) ? this.entries.get(index) : null;
      }
      store(index, v) {
        const old = this.load(index);
        if (v === null) this.erase(index);
        else {
          if (!this.entries.has(index)) this.sorted.splice(this.lowerBound(index), 0, index);
          this.entries.set(index, v);
        }
        return old;
      }
      erase(index) {
        const old = this.load(index);
        if (this.entries.delete(index)) this.sorted.splice(this.lowerBound(index), 1);
        return old;
      }
      /** The first present index in [from, max], or null. */
      find(from, max) {
        if (from > max) return null;
        const i2 = this.sorted[this.lowerBound(from)];
        return i2 !== void 0 && i2 <= max ? i2 : null;
      }
      /** Sorted snapshot, for summaries and fingerprints. */
      keys() {
        return [...this.sorted];
      }
      /** Position of the first present index >= `index`. */
      lowerBound(index) {
        const s = this.sorted;
        let lo = 0;
        let hi = s.length;
        while (lo < hi) {
          const mid = lo + hi >> 1;
          if (s[mid] < index) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      }
    };
  }
});

// src/model/kernel/ts-frames.ts
function traceTsCall(ctx, name2, depth, modelDepth) {
  const ev = { t: "call", fn: name2, depth, thread: ctx.thread.name };
  ev[OPENED] = modelDepth;
  ctx.trace(ev);
}
function traceTsReturn(ctx, name2, depth, modelDepth, value) {
  const ev = { t: "return", fn: name2, depth, thread: ctx.thread.name };
  if (typeof value === "number" || typeof value === "bigint") ev.value = String(value);
  ev[OPENED] = modelDepth;
  ctx.trace(ev);
}
function mergeTsDepths(trace) {
  const open = /* @__PURE__ */ new Map();
  for (const e of trace) {
    if (e.t !== "call" && e.t !== "return") continue;
    let list2 = open.get(e.thread);
    if (!list2) open.set(e.thread, list2 = []);
    const base = e[OPENED];
    if (base !== void 0) {
      if (e.t === "call") list2.push(base);
      else list2.pop();
      continue;
    }
    let below = 0;
    for (const b2 of list2) if (b2 < e.depth) below++;
    if (below) e.depth += below;
  }
}
var OPENED;
var init_ts_frames = __esm({
  "src/model/kernel/ts-frames.ts"() {
    "use strict";
    OPENED = /* @__PURE__ */ Symbol("model depth of a primitive");
  }
});

// src/model/source/bases.ts
function postedMail(spec, path) {
  return spec.mails?.find((m) => m.files.some((f) => f.endsWith("/") ? path.startsWith(f) : path === f));
}
function baseSpec(name2) {
  return BASE_SPECS.find((b2) => b2.name === name2);
}
function kernelOrdinal(kernel) {
  const m = /^(\d+)\.(\d+)$/.exec(kernel);
  if (!m) throw new Error(`not a kernel release: ${kernel}`);
  return Number(m[1]) * 100 + Number(m[2]);
}
var BASE_SPECS, BASES;
var init_bases = __esm({
  "src/model/source/bases.ts"() {
    "use strict";
    BASE_SPECS = [
      {
        name: "v10",
        kind: "posting",
        kernel: "5.14",
        date: "2021-06-07",
        over: "v5.14",
        mails: [
          { subject: "[PATCH v10 07/10] mm: Device exclusive memory access", messageId: "20210607075855.5084-8-apopple@nvidia.com", files: ["mm/", "include/"] },
          { subject: "[PATCH v10 08/10] mm: Selftests for exclusive device memory", messageId: "20210607075855.5084-9-apopple@nvidia.com", files: ["lib/"] },
          { subject: "[PATCH v10 10/10] nouveau/svm: Implement atomic SVM access", messageId: "20210607075855.5084-11-apopple@nvidia.com", files: ["drivers/gpu/drm/nouveau/"] }
        ],
        summary: "the series as posted in [PATCH v10 07,08,10/10]: no PageTail() skip in page_make_device_exclusive(), `unsigned long i` and no npages < 0 check in make_device_exclusive_range(), copy_nonpresent_pte() with one vma, the posted test_hmm and nouveau code"
      },
      {
        name: "v5.14",
        kind: "release",
        kernel: "5.14",
        date: "2021-08-29",
        commit: "7d2a07b769330c34b4deabeed939325c77a7ec2f",
        summary: "the merged page-based code: PageTail() skip, `long i` and the npages < 0 check in make_device_exclusive_range()"
      },
      {
        name: "v6.1",
        kind: "release",
        kernel: "6.1",
        date: "2022-12-11",
        commit: "830b3c68c1fb1e9176028d02ef86f3cf76aa2476",
        summary: "the folio-based code (LTS): make_device_exclusive_range() skips tail pages and puts folios, PG_anon_exclusive, mprotect with an mmu_gather; the nouveau retry loop still keeps its page locked"
      },
      {
        name: "v6.13",
        kind: "release",
        kernel: "6.13",
        date: "2025-01-19",
        commit: "ffd294d346d185b70e28b1a28abe367bbfe53c04",
        summary: "the last release before the 2025 device-exclusive rework: make_device_exclusive_range() on folios, the 2023 reference fix in remove_device_exclusive_entry(), the folio rmap calls of 6.8, GUP without stack expansion; the nouveau retry loop still keeps its folio locked"
      },
      {
        name: "v6.15",
        kind: "release",
        kernel: "6.15",
        date: "2025-05-25",
        commit: "0ff41df1cb268fc69e703a08a57ee14ae967d0ca",
        summary: "after the 2025 device-exclusive rework: one-page make_device_exclusive() through GUP and folio_walk_start(), one SWP_DEVICE_EXCLUSIVE type (mprotect leaves it alone), the mapcount kept, restore_exclusive_pte() with can_change_pte_writable() under a CLEAR invalidation; nouveau unlocks and puts its folio on a retry (b3fefbb30a16), test_hmm maps one page at a time"
      }
    ];
    BASES = BASE_SPECS.map((b2) => b2.name);
  }
});

// src/model/kernel/release.ts
var Release;
var init_release = __esm({
  "src/model/kernel/release.ts"() {
    "use strict";
    init_bases();
    Release = class {
      constructor(kernel) {
        this.kernel = kernel;
        this.n = kernelOrdinal(kernel);
      }
      kernel;
      n;
      since(kernel) {
        return this.n >= kernelOrdinal(kernel);
      }
      /**
       * PG_anon_exclusive (v5.19, "mm: remember exclusively mapped anonymous pages with
       * PG_anon_exclusive"): a new anonymous page is exclusive; fork() shares it (clears the flag);
       * splitting a PMD gives every subpage the head's flag; a write fault reuses an exclusive page
       * at once and otherwise only a page it holds the last reference to (marking it exclusive).
       * Before: reuse when the page is mapped and referenced once.
       */
      get anonExclusive() {
        return this.since("5.19");
      }
      /**
       * mprotect() gathers TLB flushes in an mmu_gather it passes to change_protection(), and asks
       * for MM_CP_TRY_CHANGE_WRITABLE on a writable private mapping (so in v6.1; v5.14 passes
       * MM_CP_DIRTY_ACCT or nothing and flushes in change_protection_range()).
       */
      get mprotectGathers() {
        return this.since("6.1");
      }
      /**
       * change_protection(tlb, vma, start, end, cp_flags) takes the new protection from
       * vma->vm_page_prot instead of a parameter (so in v6.13; v6.1 passes newprot).
       */
      get protectionFromVma() {
        return this.since("6.13");
      }
      /**
       * The `mapping` slot of a THP's first tail page: in v6.1 compound_pincount (0) in its low half
       * and compound_nr in its high half; in v5.14 compound_nr in the low half over the high half of
       * TAIL_MAPPING.
       */
      get firstTailPincount() {
        return this.since("6.1");
      }
      /**
       * A large folio's order is the low byte of folio->_flags_1 (in v6.13; v6.1 has the
       * _folio_order byte).
       */
      get orderInFlags1() {
        return this.since("6.13");
      }
      /**
       * A device-exclusive entry keeps the page's mapcount (v6.15, "mm/rmap: keep mapcount untouched
       * for device-exclusive entries"): the entry counts as a mapping wherever mapcounts are
       * checked, and zapping it removes the rmap as for a present pte. Before, making the entry
       * dropped the mapcount and only the reference stayed with it.
       */
      get exclusiveEntryMapped() {
        return this.since("6.15");
      }
    };
  }
});

// src/model/kernel/state.ts
function kernelOf(ctx) {
  const k = byMem.get(ctx.mem) ?? byMem.get(ctx.mem.inner);
  if (!k) throw new Error("builtin called outside a kernel run (no Kernel registered for this address space)");
  return k;
}
var INITIAL_JIFFIES, HZ, Kernel, byMem;
var init_state = __esm({
  "src/model/kernel/state.ts"() {
    "use strict";
    init_locks();
    init_object();
    init_page();
    init_vma();
    init_nouveau();
    init_xarray();
    init_ts_frames();
    init_release();
    INITIAL_JIFFIES = 0xfffb6c20n;
    HZ = 250n;
    Kernel = class {
      constructor(mem, config) {
        this.mem = mem;
        this.config = config;
        this.release = new Release(config.kernel);
        this.memmap = new Memmap(this.release);
        this.locks = new LockRegistry(mem);
        byMem.set(mem, this);
      }
      mem;
      config;
      memmap;
      /** The release this run models: where the runtime's behaviour differs by release, it asks this. */
      release;
      locks;
      tablesByPfn = /* @__PURE__ */ new Map();
      /** Page tables deposited for huge pmds (pgtable_trans_huge_deposit), by the pmd slot's address. */
      deposits = /* @__PURE__ */ new Map();
      zero = null;
      mms = [];
      anonVmas = [];
      notifiers = [];
      gpu = new GpuPageTable();
      xarrays = /* @__PURE__ */ new Map();
      /** User memory that is not mapped through the model's page tables (a test's malloc'd mirror). */
      userBuffers = /* @__PURE__ */ new Map();
      /** Named runtime objects a scenario refers to (devices ...). */
      named = /* @__PURE__ */ new Map();
      jiffies = INITIAL_JIFFIES;
      /** Notifier ranges started and not yet ended, by the range's address: who started them, where. */
      openRanges = /* @__PURE__ */ new Map();
      /** Bytes vmalloc()ed so far (part of the state a loop can change: an allocating loop is no livelock). */
      vmallocBytes = 0;
      /** TypeScript primitives running per thread, with the model call depth they started at. */
      tsFrames = /* @__PURE__ */ new Map();
      /** Trace call/return events for the primitives too (the runner sets it for full traces). */
      traceCalls = false;
      /** Count of kernel-state changes, for cheap "did anything happen" checks. */
      nextMmId = 1;
      nextAvId = 1;
      newMm(label) {
        const mm = new MmStruct(this, this.nextMmId++, label);
        this.mms.push(mm);
        return mm;
      }
      newAnonVma(parent) {
        const av = new AnonVma(this, this.nextAvId++, parent);
        this.anonVmas.push(av);
        return av;
      }
      /** A plain runtime struct (registered, with a fresh address). */
      plain(structName, name2, init2, size = 128) {
        const o = new PlainObject(structName, name2, this.mem.allocate(size), size, init2);
        o.register(this.mem);
        return o;
      }
      /** Run `body` as the TypeScript primitive `name` (so it shows in notifier stacks). */
      *tsFrame(ctx, name2, body2) {
        let list2 = this.tsFrames.get(ctx.thread.id);
        if (!list2) this.tsFrames.set(ctx.thread.id, list2 = []);
        const modelDepth = ctx.stack().length;
        list2.push({ name: name2, depth: modelDepth });
        const depth = this.traceCalls ? modelDepth + list2.length : 0;
        if (this.traceCalls) traceTsCall(ctx, name2, depth, modelDepth);
        let value;
        try {
          value = yield* body2;
        } finally {
          list2.pop();
        }
        if (this.traceCalls) traceTsReturn(ctx, name2, depth, modelDepth, value);
        return value;
      }
      /** The call stack of a thread, outermost first: model frames and TypeScript primitives merged. */
      stackOf(ctx) {
        const model = ctx.stack();
        const ts = this.tsFrames.get(ctx.thread.id);
        if (!ts || ts.length === 0) return model;
        const out2 = [];
        let j = 0;
        for (let i2 = 0; i2 <= model.length; i2++) {
          while (j < ts.length && ts[j].depth === i2) out2.push(ts[j++].name);
          if (i2 < model.length) out2.push(model[i2]);
        }
        return out2;
      }
      /** The shared zero page (ZERO_PAGE(0)): what a read fault on untouched anonymous memory maps. */
      zeroPage() {
        if (!this.zero) {
          this.zero = this.memmap.alloc("zero", 0, "(boot)");
          this.zero.refcount = 1;
        }
        return this.zero;
      }
      xarrayAt(addr2) {
        let x = this.xarrays.get(addr2);
        if (!x) {
          x = new XArray();
          this.xarrays.set(addr2, x);
        }
        return x;
      }
    };
    byMem = /* @__PURE__ */ new WeakMap();
  }
});

// src/model/kernel/builtins/def.ts
function protoName(proto) {
  const m = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(proto);
  if (!m) throw new Error(`cannot find the function name in prototype: ${proto}`);
  return m[1];
}
var TableBuilder, b;
var init_def = __esm({
  "src/model/kernel/builtins/def.ts"() {
    "use strict";
    init_bases();
    TableBuilder = class {
      constructor(header) {
        this.header = header;
      }
      header;
      entries = [];
      releases = {};
      fn(proto, fn) {
        this.add(proto, fn, false);
        return this;
      }
      /** A builtin that may block: `fn` is a generator function yielding Blocked. */
      gen(proto, fn) {
        this.add(proto, fn, true);
        return this;
      }
      /** Switch the kernel header the next builtins are listed under. */
      in(header) {
        this.header = header;
        return this;
      }
      /** The next builtins exist only in these releases (`{}`: in all of them again). */
      releasesOf(r) {
        this.releases = r;
        return this;
      }
      add(proto, fn, blocking) {
        const name2 = protoName(proto);
        const from = this.releases.from ? kernelOrdinal(this.releases.from) : 0;
        const until = this.releases.until ? kernelOrdinal(this.releases.until) : Infinity;
        if (this.entries.some((e) => e.name === name2 && e.from < until && from < e.until)) throw new Error(`builtin ${name2} declared twice for the same release`);
        const b2 = { proto, fn, header: this.header };
        if (blocking) b2.blocking = true;
        this.entries.push({ name: name2, builtin: b2, from, until });
      }
      /** The builtins of one kernel release. */
      table(kernel) {
        const k = kernelOrdinal(kernel);
        const t = {};
        for (const e of this.entries) if (e.from <= k && k < e.until) t[e.name] = e.builtin;
        return t;
      }
    };
    b = (v) => v ? 1 : 0;
  }
});

// src/model/kernel/builtins/page.ts
function pg(ctx, p, what = "page") {
  const k = kernelOf(ctx);
  const s = pageOf(k.memmap, p, ctx, what);
  return { k, s, h: k.memmap.headOf(s) };
}
function isAnonHead(h) {
  return h.mapping !== null && Number(h.mapping.address & 3n) === 1;
}
function touch(ctx, s) {
  s.lastFn = fnOf(ctx);
}
function pageLockName(h) {
  return `page lock of pfn ${hex(BigInt(h.pfn))}`;
}
function pageMapcount(k, s) {
  const h = k.memmap.headOf(s);
  if (!s.isTail && !s.isHead) return s.mapcount + 1;
  let ret = s.mapcount + 1;
  if (!isAnonHead(h)) return ret;
  ret += h.compoundMapcount + 1;
  return ret;
}
function pageMapped(k, s) {
  if (!s.isTail && !s.isHead) return s.mapcount >= 0;
  const h = k.memmap.headOf(s);
  if (h.compoundMapcount >= 0) return true;
  for (let i2 = 0; i2 < 1 << h.order; i2++) if (k.memmap.state(h.pfn + i2).mapcount >= 0) return true;
  return false;
}
function getPage(ctx, h) {
  if (h.refcount <= 0) ctx.bug(`get_page on pfn ${hex(BigInt(h.pfn))} with refcount ${h.refcount} (VM_BUG_ON_PAGE(page_ref_zero_or_close_to_overflow))`);
  h.refcount++;
  touch(ctx, h);
  h.refIn = h.lastFn;
}
function putPage(ctx, h) {
  if (h.refcount <= 0) ctx.bug(`put_page on pfn ${hex(BigInt(h.pfn))} whose refcount is already ${h.refcount}`);
  h.refcount--;
  touch(ctx, h);
  if (h.refcount === 0) {
    if (pageMappedRaw(h)) ctx.bug(`pfn ${hex(BigInt(h.pfn))} freed while still mapped (bad page state)`);
    if (h.lockedBy) ctx.bug(`pfn ${hex(BigInt(h.pfn))} freed while locked (bad page state)`);
    for (const w of h.lockWaiters ?? []) {
      ctx.hazard("wait-on-unreferenced-page", `pfn ${hex(BigInt(h.pfn))} is freed (its last reference dropped in ${h.lastFn}()) while ${w.thread.name} waits for its page lock in ${w.fn}() without holding a reference`);
    }
  }
}
function* waitUnlocked(ctx, h) {
  const me = { thread: ctx.thread, fn: [...ctx.stack()].reverse().find((f) => !f.includes("lock")) ?? fnOf(ctx) };
  (h.lockWaiters ??= []).push(me);
  try {
    const w = pageLockWait(h);
    while (h.lockedBy) yield { blockedOn: w };
  } finally {
    h.lockWaiters.splice(h.lockWaiters.indexOf(me), 1);
  }
}
function pageMappedRaw(h) {
  return h.mapcount >= 0 || h.compoundMapcount >= 0;
}
function pageLockWait(h) {
  return { name: pageLockName(h), holder: () => h.lockedBy, ready: () => h.lockedBy === null };
}
function tryLockPage(ctx, h) {
  if (h.lockedBy) {
    traceLock(ctx, "trylock-fail", pageLockName(h));
    return false;
  }
  h.lockedBy = ctx.thread;
  touch(ctx, h);
  h.lockedIn = h.lastFn;
  traceLock(ctx, "acquire", pageLockName(h));
  return true;
}
function* lockPage(ctx, h) {
  if (h.lockedBy) {
    traceLock(ctx, "block", pageLockName(h));
    yield* waitUnlocked(ctx, h);
  }
  h.lockedBy = ctx.thread;
  touch(ctx, h);
  h.lockedIn = h.lastFn;
  traceLock(ctx, "acquire", pageLockName(h));
}
function unlockPage(ctx, h) {
  if (!h.lockedBy) ctx.bug(`unlock_page of pfn ${hex(BigInt(h.pfn))}, which is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
  h.lockedBy = null;
  touch(ctx, h);
  traceLock(ctx, "release", pageLockName(h));
}
function pageBuiltins() {
  const t = new TableBuilder("include/linux/page-flags.h");
  t.fn("struct page *compound_head(struct page *page)", (ctx, p) => {
    const { k, h } = pg(ctx, p);
    return k.memmap.ptr(h.pfn);
  }).fn("bool PageTail(struct page *page)", (ctx, p) => b(pg(ctx, p).s.isTail)).fn("bool PageHead(struct page *page)", (ctx, p) => b(pg(ctx, p).s.isHead)).fn("bool PageCompound(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return b(s.isHead || s.isTail);
  }).fn("bool PageTransCompound(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return b(s.isHead || s.isTail);
  }).fn("bool PageTransHuge(struct page *page)", (ctx, p) => b(pg(ctx, p).s.isHead)).fn("bool PageHuge(struct page *page)", (ctx, p) => (pg(ctx, p), 0)).fn("bool PageAnon(struct page *page)", (ctx, p) => b(isAnonHead(pg(ctx, p).h))).fn("bool PageKsm(struct page *page)", (ctx, p) => {
    const { h } = pg(ctx, p);
    return b(h.mapping !== null && (h.mapping.address & 3n) === 3n);
  }).fn("bool PageLocked(struct page *page)", (ctx, p) => b(pg(ctx, p).h.lockedBy !== null)).fn("bool PageDirty(struct page *page)", (ctx, p) => b(pg(ctx, p).h.dirty)).fn("bool PageMlocked(struct page *page)", (ctx, p) => b(pg(ctx, p).h.mlocked)).fn("bool is_zone_device_page(struct page *page)", (ctx, p) => (pg(ctx, p), 0)).fn("void clear_page_mlock(struct page *page)", (ctx, p) => {
    pg(ctx, p).h.mlocked = false;
    return void 0;
  }).in("include/linux/mm.h").fn("unsigned long page_to_pfn(struct page *page)", (ctx, p) => BigInt(pg(ctx, p).s.pfn)).fn("struct page *pfn_to_page(unsigned long pfn)", (ctx, pfn) => {
    const k = kernelOf(ctx);
    const n = Number(pfn);
    if (!k.memmap.exists(n)) return ctx.bug(`pfn_to_page(${hex(pfn)}): no such page in the model`);
    return k.memmap.ptr(n);
  }).fn("unsigned int compound_order(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return s.isHead ? s.order : 0;
  }).fn("unsigned long compound_nr(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return s.isHead ? BigInt(1 << s.order) : 1n;
  }).fn("unsigned long page_size(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return 4096n << BigInt(s.isHead ? s.order : 0);
  }).fn("int thp_nr_pages(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    return s.isHead ? 1 << s.order : 1;
  }).fn("unsigned long page_to_pgoff(struct page *page)", (ctx, p) => {
    const { s, h } = pg(ctx, p);
    return s.isTail ? h.index + BigInt(s.pfn - h.pfn) : s.index;
  }).fn("struct anon_vma *page_anon_vma(struct page *page)", (ctx, p) => {
    const { h } = pg(ctx, p);
    if (!isAnonHead(h)) return null;
    return ctx.mem.ptrAt(h.mapping.address - 1n, { k: "struct", name: "anon_vma" });
  }).fn("int page_mapcount(struct page *page)", (ctx, p) => {
    const { k, s } = pg(ctx, p);
    return pageMapcount(k, s);
  }).fn("bool page_mapped(struct page *page)", (ctx, p) => {
    const { k, s } = pg(ctx, p);
    return b(pageMapped(k, s));
  }).fn("void get_page(struct page *page)", (ctx, p) => {
    getPage(ctx, pg(ctx, p).h);
    return void 0;
  }).fn("void put_page(struct page *page)", (ctx, p) => {
    putPage(ctx, pg(ctx, p).h);
    return void 0;
  }).releasesOf({ until: "6.1" }).fn("bool try_grab_page(struct page *page, unsigned int flags)", (ctx, p, flags2) => {
    const f = Number(flags2);
    if (f & FOLL_PIN) ctx.notModelled("try_grab_page with FOLL_PIN");
    if (f & FOLL_GET) getPage(ctx, pg(ctx, p).h);
    return 1;
  }).releasesOf({}).fn("int set_page_dirty(struct page *page)", (ctx, p) => {
    const { h } = pg(ctx, p);
    const was = h.dirty;
    h.dirty = true;
    return b(!was);
  }).fn("void mark_page_accessed(struct page *page)", (ctx, p) => {
    pg(ctx, p).h.referenced = true;
    return void 0;
  }).fn("void flush_anon_page(struct vm_area_struct *vma, struct page *page, unsigned long vmaddr)", () => void 0).fn("void flush_dcache_page(struct page *page)", () => void 0).fn("void mlock_vma_page(struct page *page)", (ctx) => ctx.notModelled("mlock_vma_page: VM_LOCKED vmas")).fn("int compound_mapcount(struct page *page)", (ctx, p) => pg(ctx, p).h.compoundMapcount + 1).fn("bool PageDoubleMap(struct page *page)", (ctx) => ctx.notModelled("PageDoubleMap: double-mapped THPs")).fn("void lru_add_drain(void)", () => void 0).fn("int arch_make_page_accessible(struct page *page)", () => 0).fn("void unpin_user_page(struct page *page)", (ctx) => ctx.notModelled("unpin_user_page: FOLL_PIN")).fn("struct dev_pagemap *get_dev_pagemap(unsigned long pfn, struct dev_pagemap *pgmap)", (ctx) => ctx.notModelled("get_dev_pagemap: ZONE_DEVICE (devmap) pages")).fn("bool is_huge_zero_page(struct page *page)", (ctx, p) => b(pg(ctx, p).h.kind === "zero" && pg(ctx, p).h.order > 0)).fn("bool is_zero_pfn(unsigned long pfn)", (ctx, pfn) => {
    const k = kernelOf(ctx);
    const n = Number(pfn);
    return b(k.memmap.exists(n) && k.memmap.state(n).kind === "zero");
  }).in("include/linux/pagemap.h").fn("bool trylock_page(struct page *page)", (ctx, p) => b(tryLockPage(ctx, pg(ctx, p).h))).gen("void lock_page(struct page *page)", function* (ctx, p) {
    yield* lockPage(ctx, pg(ctx, p).h);
    return void 0;
  }).fn("void unlock_page(struct page *page)", (ctx, p) => {
    unlockPage(ctx, pg(ctx, p).h);
    return void 0;
  }).releasesOf({ until: "6.1" }).gen("bool lock_page_or_retry(struct page *page, struct mm_struct *mm, unsigned int flags)", function* (ctx, p, mmp, flags2) {
    const { h } = pg(ctx, p);
    if (tryLockPage(ctx, h)) return 1;
    return b(yield* lockOrRetry(ctx, h, mmp, Number(flags2)));
  }).releasesOf({}).in("mm/rmap.c").releasesOf({ until: "6.1" }).fn("void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address, bool compound)", (ctx, p, vmap, _addr, compound) => {
    const { s, h } = pg(ctx, p);
    asStruct(vmap, Vma, ctx, "vma");
    if (Number(compound)) ctx.notModelled("page_add_anon_rmap of a whole compound page");
    if (!h.lockedBy) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
    s.mapcount++;
    touch(ctx, s);
    return void 0;
  }).fn("void page_remove_rmap(struct page *page, bool compound)", (ctx, p, compound) => {
    const { s } = pg(ctx, p);
    if (Number(compound)) ctx.notModelled("page_remove_rmap of a whole compound page");
    if (s.mapcount < 0) ctx.bug(`page_remove_rmap: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
    s.mapcount--;
    touch(ctx, s);
    return void 0;
  }).releasesOf({ from: "6.1", until: "6.8" }).fn("void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address, rmap_t flags)", (ctx, p, vmap, _addr, flags2) => {
    const { s, h } = pg(ctx, p);
    const vma = asStruct(vmap, Vma, ctx, "vma");
    const f = Number(flags2);
    if (f & RMAP_COMPOUND) ctx.notModelled("page_add_anon_rmap of a whole compound page (RMAP_COMPOUND)");
    if (!h.lockedBy) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
    const first = ++s.mapcount === 0;
    if (!first && f & RMAP_EXCLUSIVE) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is mapped already but RMAP_EXCLUSIVE is asked for (VM_BUG_ON_PAGE)`);
    if (!first && s.anonExclusive) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is mapped already and PageAnonExclusive (VM_BUG_ON_PAGE)`);
    if (first && f & RMAP_EXCLUSIVE) s.anonExclusive = true;
    touch(ctx, s);
    if (vma.flags & VM_LOCKED) ctx.notModelled("mlock_vma_page: VM_LOCKED vmas");
    return void 0;
  }).fn("void page_remove_rmap(struct page *page, struct vm_area_struct *vma, bool compound)", (ctx, p, vmap, compound) => {
    const { s } = pg(ctx, p);
    const vma = asStruct(vmap, Vma, ctx, "vma");
    if (Number(compound)) ctx.notModelled("page_remove_rmap of a whole compound page");
    if (s.mapcount < 0) ctx.bug(`page_remove_rmap: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
    s.mapcount--;
    touch(ctx, s);
    if (vma.flags & VM_LOCKED) ctx.notModelled("munlock_vma_page: VM_LOCKED vmas");
    return void 0;
  }).releasesOf({});
  return t;
}
function* lockOrRetry(ctx, h, mmp, f) {
  if (f & FAULT_FLAG_ALLOW_RETRY && !(f & FAULT_FLAG_TRIED)) {
    if (f & FAULT_FLAG_RETRY_NOWAIT) return false;
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    const k = kernelOf(ctx);
    yield* dropMmapLock(ctx, k, mm);
    traceLock(ctx, "block", pageLockName(h));
    yield* waitUnlocked(ctx, h);
    return false;
  }
  yield* lockPage(ctx, h);
  return true;
}
function* dropMmapLock(ctx, _k, mm) {
  const held = mm.mmapLock.readers.has(ctx.thread.id) || mm.mmapLock.writer?.id === ctx.thread.id;
  if (!held) return ctx.bug("lock_page_or_retry with ALLOW_RETRY but mmap_lock not held");
  const shared = mm.mmapLock.writer?.id !== ctx.thread.id;
  mm.mmapLock.drop(ctx.thread, shared);
  traceLock(ctx, "release", mm.mmapLock.name);
}
var FOLL_GET, FOLL_PIN, FAULT_FLAG_ALLOW_RETRY, FAULT_FLAG_RETRY_NOWAIT, FAULT_FLAG_TRIED, RMAP_EXCLUSIVE, RMAP_COMPOUND, VM_LOCKED;
var init_page2 = __esm({
  "src/model/kernel/builtins/page.ts"() {
    "use strict";
    init_state();
    init_locks();
    init_object();
    init_page();
    init_vma();
    init_def();
    FOLL_GET = 4;
    FOLL_PIN = 262144;
    FAULT_FLAG_ALLOW_RETRY = 4;
    FAULT_FLAG_RETRY_NOWAIT = 8;
    FAULT_FLAG_TRIED = 32;
    RMAP_EXCLUSIVE = 1 << 0;
    RMAP_COMPOUND = 1 << 1;
    VM_LOCKED = 0x2000n;
  }
});

// src/model/kernel/interleave.ts
function pageAccess(op, arg = 0) {
  return (ctx, args3) => {
    const { h } = pg(ctx, args3[arg]);
    return { obj: `page ${hex(BigInt(h.pfn))}`, shared: false, what: `${op}(pfn ${hex(BigInt(h.pfn))})` };
  };
}
function lockArg(kind, op, arg = 0, shared = false) {
  return (ctx, args3) => lockAccess(kernelOf(ctx).locks.resolve(args3[arg], ctx, kind), shared, op);
}
function mmapLock(op, shared) {
  return (ctx, args3) => lockAccess(asStruct(args3[0], MmStruct, ctx, "mm").mmapLock, shared, op);
}
function pteAccess(op, arg) {
  return (_ctx, args3) => {
    const p = args3[arg];
    if (!(p instanceof Ptr) || !(p.region instanceof PageTable) || !p.region.lock) return { obj: "*", shared: false, what: op };
    const l = p.region.lock;
    return { obj: `lock ${l.name}`, shared: false, what: `${op} at ${hex(p.region.addrOf(p.index))}` };
  };
}
function accessOf(ctx, op, args3) {
  const f = BUILTIN_POINTS[op] ?? RUNTIME_POINTS[op];
  if (!f) return { obj: "*", shared: false, what: op };
  try {
    return f(ctx, args3);
  } catch {
    return { obj: "*", shared: false, what: op };
  }
}
function conflicts(a, b2) {
  if (a.obj === "*" || b2.obj === "*") return true;
  return a.obj === b2.obj && !(a.shared && b2.shared);
}
var lockAccess, RUNTIME_POINTS, BUILTIN_POINTS;
var init_interleave = __esm({
  "src/model/kernel/interleave.ts"() {
    "use strict";
    init_api();
    init_state();
    init_page2();
    init_object();
    init_pgtable();
    init_vma();
    lockAccess = (l, shared, op) => ({ obj: `lock ${l.name}`, shared, what: `${op} ${l.name}` });
    RUNTIME_POINTS = {
      acquire: (_ctx, [lock, shared]) => lockAccess(lock, shared === true, shared === true ? "read-lock" : "lock"),
      notifier: (_ctx, [mm]) => ({ obj: `notifier mm ${mm.id}`, shared: false, what: `MMU notifiers of mm ${mm.id}` })
    };
    BUILTIN_POINTS = {
      // unlocks, trylocks and page locks (spin_lock, mutex_lock, mmap_*_lock ... are `acquire`)
      spin_unlock: lockArg("spinlock", "unlock"),
      mutex_unlock: lockArg("mutex", "unlock"),
      mutex_trylock: lockArg("mutex", "trylock"),
      up_read: lockArg("rwsem", "read-unlock", 0, true),
      up_write: lockArg("rwsem", "unlock"),
      down_read_trylock: lockArg("rwsem", "read-trylock", 0, true),
      mmap_read_unlock: mmapLock("read-unlock", true),
      mmap_write_unlock: mmapLock("unlock", false),
      pte_unmap_unlock: lockArg("spinlock", "unlock", 1),
      trylock_page: pageAccess("trylock_page"),
      lock_page: pageAccess("lock_page"),
      unlock_page: pageAccess("unlock_page"),
      lock_page_or_retry: pageAccess("lock_page_or_retry"),
      folio_trylock: pageAccess("folio_trylock"),
      __folio_lock: pageAccess("folio_lock"),
      folio_unlock: pageAccess("folio_unlock"),
      __folio_lock_or_retry: pageAccess("folio_lock_or_retry"),
      // references
      get_page: pageAccess("get_page"),
      put_page: pageAccess("put_page"),
      try_grab_page: pageAccess("try_grab_page"),
      folio_get: pageAccess("folio_get"),
      folio_put: pageAccess("folio_put"),
      folio_ref_inc: pageAccess("folio_ref_inc"),
      folio_ref_add: pageAccess("folio_ref_add"),
      page_ref_add_unless: pageAccess("page_ref_add_unless"),
      // page-table entries
      set_pte_at: pteAccess("set_pte_at", 2),
      pte_clear: pteAccess("pte_clear", 2),
      ptep_clear_flush: pteAccess("ptep_clear_flush", 2),
      ptep_modify_prot_start: pteAccess("ptep_modify_prot_start", 2),
      ptep_modify_prot_commit: pteAccess("ptep_modify_prot_commit", 2),
      // sleeping on a wait queue (mmu_interval_read_begin() during an invalidation): its waker is not
      // known here, so it conflicts with everything
      __wait_event_sleep: () => ({ obj: "*", shared: false, what: "sleep on a wait queue" }),
      // notifier subscriptions
      mmu_interval_notifier_insert: (ctx, args3) => {
        const mm = asStruct(args3[1], MmStruct, ctx, "mm");
        return { obj: `notifier mm ${mm.id}`, shared: false, what: `mmu_interval_notifier_insert on mm ${mm.id}` };
      }
    };
  }
});

// src/model/scenario/schedule.ts
function planOf(id) {
  const choices = /* @__PURE__ */ new Map();
  if (id !== "default") {
    for (const part of id.split(",")) {
      const m = CHOICE.exec(part);
      if (!m) throw new ScheduleError(`not a schedule id: ${JSON.stringify(id)} (want "default" or thread@point,... as a report gives it)`);
      choices.set(Number(m[2]), m[1]);
    }
  }
  return { choices, branch: -1, sleep: [], bound: Infinity };
}
function scheduleId(points) {
  const parts2 = points.flatMap((p, i2) => p.chosen !== p.dflt ? [`${p.chosen}@${i2}`] : []);
  return parts2.length ? parts2.join(",") : "default";
}
var ScheduleError, CHOICE, ScheduleControl;
var init_schedule = __esm({
  "src/model/scenario/schedule.ts"() {
    "use strict";
    init_interleave();
    ScheduleError = class extends Error {
    };
    CHOICE = /^([a-z0-9][a-z0-9_-]*)@(\d+)$/;
    ScheduleControl = class {
      /**
       * `gate(thread)`: whether a thread may run yet (the scenario's threads wait for its setup); one
       * that may not is left out of the choices.
       */
      constructor(plan, names, gate = () => true) {
        this.plan = plan;
        this.gate = gate;
        this.hook = { names, at: (ctx, op, args3, others) => this.at(ctx, op, args3, others) };
      }
      plan;
      gate;
      points = [];
      pending = /* @__PURE__ */ new Map();
      sleep = /* @__PURE__ */ new Set();
      forced = null;
      preemptions = 0;
      diverged = null;
      pruned = false;
      /** Ends the run at once (set by the runner: the machine's own way to end a run). */
      stop = (d) => {
        throw new Error(d);
      };
      hook;
      /** Told of every switch to another thread (the runner traces it as a note). */
      onSwitch = () => void 0;
      at(ctx, op, args3, others) {
        const me = ctx.thread.name;
        this.pending.set(me, accessOf(ctx, op, args3));
        const chosen = this.decide([me, ...others().map((t) => t.name).filter(this.gate)], me, me, true);
        if (chosen === me) return false;
        this.forced = chosen;
        return true;
      }
      /** MachineOptions.scheduler: the choice made at a preemption point, or a new point. */
      scheduler = (candidates, previous) => {
        const forced = this.forced;
        this.forced = null;
        const open = candidates.filter((t) => this.gate(t.name));
        const list2 = open.length ? open : candidates;
        const want = forced ?? this.decide(list2.map((t) => t.name), previous?.name ?? null, list2[0].name, false);
        return candidates.find((t) => t.name === want) ?? candidates[0];
      };
      decide(enabled, current2, dflt, preemption) {
        const idx = this.points.length;
        const plan = this.plan;
        if (idx === plan.branch) this.sleep = new Set(plan.sleep);
        let chosen = dflt;
        const planned = plan.choices.get(idx);
        if (planned !== void 0) {
          if (enabled.includes(planned)) chosen = planned;
          else this.diverged ??= idx;
        } else if (idx > plan.branch && this.sleep.has(chosen)) {
          const awake = enabled.filter((t) => !this.sleep.has(t));
          const alt = preemption && awake.length && this.preemptions >= plan.bound ? void 0 : awake[0];
          if (alt === void 0) {
            this.pruned = true;
            return this.stop(`schedule pruned at point ${idx}: every thread that can run is asleep (its runs were made from an equivalent state)`);
          }
          chosen = alt;
        }
        if (preemption && chosen !== current2) this.preemptions++;
        const op = this.next(chosen);
        this.points.push({ enabled, current: current2, chosen, dflt, preemption, op, asleep: [...this.sleep] });
        if (chosen !== current2) this.onSwitch(idx, chosen, op);
        if (idx >= plan.branch && this.sleep.size) {
          const next = /* @__PURE__ */ new Set();
          for (const t of this.sleep) {
            if (t !== chosen && !conflicts(this.next(t), op)) next.add(t);
          }
          this.sleep = next;
        }
        return chosen;
      }
      /** What thread `t` does next: the operation it paused or blocked before, or its start. */
      next(t) {
        return this.pending.get(t) ?? { obj: `start ${t}`, shared: false, what: "starts" };
      }
      log() {
        return { id: scheduleId(this.points), preemptions: this.preemptions, pruned: this.pruned, diverged: this.diverged, points: this.points };
      }
    };
  }
});

// src/replay/explore/dpor.ts
async function searchSchedules(run2, opts) {
  const frames = [];
  const out2 = { made: 0, pruned: 0, runs: [], exhausted: false };
  let plan = { choices: /* @__PURE__ */ new Map(), branch: -1, sleep: [], bound: opts.bound };
  for (; ; ) {
    if (out2.made >= opts.maxRuns) return out2;
    const o = await run2(plan);
    out2.made++;
    const log = o.explore?.schedule;
    if (!log) throw new Error("an exploring run reported no schedule");
    log.points.forEach((p, i3) => {
      if (i3 < plan.branch) return;
      if (i3 === plan.branch) frames[i3].p = p;
      else frames[i3] = { p, done: /* @__PURE__ */ new Set([p.chosen]), backtrack: /* @__PURE__ */ new Set() };
    });
    frames.length = Math.max(log.points.length, plan.branch + 1);
    if (log.pruned) out2.pruned++;
    else out2.runs.push(o);
    addRaces(frames);
    const next = nextBranch(frames, opts.bound);
    if (!next) {
      out2.exhausted = true;
      return out2;
    }
    const { i: i2, thread } = next;
    const f = frames[i2];
    f.done.add(thread);
    const choices = /* @__PURE__ */ new Map();
    for (let k = 0; k < i2; k++) if (frames[k].p.chosen !== frames[k].p.dflt) choices.set(k, frames[k].p.chosen);
    choices.set(i2, thread);
    const sleep = [.../* @__PURE__ */ new Set([...f.done, ...f.p.asleep])].filter((t) => t !== thread).sort();
    plan = { choices, branch: i2, sleep, bound: opts.bound };
    frames.length = i2 + 1;
  }
}
function preemptionsBefore(frames, i2) {
  let n = 0;
  for (let k = 0; k < i2; k++) if (frames[k].p.preemption && frames[k].p.chosen !== frames[k].p.current) n++;
  return n;
}
function nextBranch(frames, bound) {
  for (let i2 = frames.length - 1; i2 >= 0; i2--) {
    const f = frames[i2];
    const todo = [...f.backtrack].filter((t) => !f.done.has(t) && !f.p.asleep.includes(t) && f.p.enabled.includes(t)).sort();
    if (!todo.length) continue;
    const before = preemptionsBefore(frames, i2);
    for (const t of todo) {
      const cost = f.p.preemption && t !== f.p.current ? 1 : 0;
      if (before + cost <= bound) return { i: i2, thread: t };
      f.done.add(t);
    }
  }
  return null;
}
function addRaces(frames) {
  const names = [...new Set(frames.flatMap((f) => f.p.enabled.concat(f.p.chosen)))].sort();
  const ix = new Map(names.map((n, i2) => [n, i2]));
  const clocks = [];
  const threadClock = /* @__PURE__ */ new Map();
  for (let j = 0; j < frames.length; j++) {
    const pj = frames[j].p;
    const me = ix.get(pj.chosen);
    const mine = threadClock.get(pj.chosen) ?? new Array(names.length).fill(0);
    let raced = false;
    const clock = mine.slice();
    for (let i2 = j - 1; i2 >= 0; i2--) {
      const pi = frames[i2].p;
      if (!conflicts(pi.op, pj.op)) continue;
      const ci = clocks[i2];
      for (let t = 0; t < clock.length; t++) if (ci[t] > clock[t]) clock[t] = ci[t];
      if (raced || pi.chosen === pj.chosen) continue;
      const q = ix.get(pi.chosen);
      if (ci[q] <= mine[q]) continue;
      raced = true;
      const f = frames[i2];
      if (f.p.enabled.includes(pj.chosen)) f.backtrack.add(pj.chosen);
      else for (const t of f.p.enabled) f.backtrack.add(t);
    }
    clock[me] = j + 1;
    clocks[j] = clock;
    threadClock.set(pj.chosen, clock);
  }
}
var init_dpor = __esm({
  "src/replay/explore/dpor.ts"() {
    "use strict";
    init_interleave();
  }
});

// src/replay/explore/steps.ts
function scheduleSteps(o, first) {
  const sig = new Map(significantEvents(o).map((s) => [s.index, s]));
  const steps = [{ thread: first, did: [] }];
  o.trace.forEach((e, i2) => {
    const cur = steps[steps.length - 1];
    if (e.t === "note" && e.fn === "(schedule)") {
      const m = /^schedule point (\d+): (\S+) runs \((.*)\)$/.exec(e.text);
      if (m) steps.push({ thread: m[2], did: [{ kind: "switch", point: Number(m[1]), what: m[3] }] });
      return;
    }
    const s = sig.get(i2);
    if (s) cur.did.push({ kind: "event", event: s.fact, pass: s.pass });
    else if (e.t === "lock" && e.lock.startsWith("page lock") && (e.op === "acquire" || e.op === "release")) {
      cur.did.push({ kind: "event", event: { kind: "lock", op: e.op, fn: e.fn, lock: e.lock, thread: e.thread }, pass: 1 });
    }
  });
  const more2 = (count) => ({ kind: "more", count });
  return steps.filter((s) => s.did.length > 0).map((s) => ({ thread: s.thread, did: s.did.length <= HEAD + TAIL + 1 ? s.did : [...s.did.slice(0, HEAD), more2(s.did.length - HEAD - TAIL), ...s.did.slice(-TAIL)] }));
}
var HEAD, TAIL;
var init_steps = __esm({
  "src/replay/explore/steps.ts"() {
    "use strict";
    init_trace_read();
    HEAD = 3;
    TAIL = 3;
  }
});

// src/replay/explore/explore-scenario.ts
var explore_scenario_exports = {};
__export(explore_scenario_exports, {
  exploreScenario: () => exploreScenario
});
function factsOf(d) {
  const { firstCause: _cause, regression: _regression, ...facts } = d;
  return facts;
}
function behaviours(o) {
  const out2 = /* @__PURE__ */ new Map();
  const add = (b2) => out2.set(JSON.stringify(b2), b2);
  if (o.verdict !== "completed") add({ kind: "verdict", verdict: o.verdict });
  for (const h of o.hazards) add({ kind: "hazard", hazard: h.kind, function: h.function, detail: dropPositions(h.detail) });
  return out2;
}
async function exploreScenario(run2, scenario, base, variants, plain, req) {
  const perVariant = new Map(variants.map((v) => [v.key, { findings: [] }]));
  const baseOnly = variants.length ? null : { findings: [] };
  const all = [...perVariant.values(), ...baseOnly ? [baseOnly] : []];
  const watch = [...new Set(variants.flatMap((v) => v.changed ?? []))].sort();
  const watching = watch.length ? { watch } : {};
  const job = (unit, trace, explore = {}) => ({ unit, scenario, trace, explore });
  const defaults = /* @__PURE__ */ new Map();
  const defaultOf = (unit) => {
    let p = defaults.get(unit.key);
    if (!p) defaults.set(unit.key, p = run2(job(unit, "full", { schedule: planOf("default") })));
    return p;
  };
  if (req.faults || req.fault) {
    const rec = await run2(job(base, "none", { faults: { record: true } }));
    let points = rec.explore?.failurePoints ?? [];
    if (req.fault) points = points.filter((p) => p.id === req.fault);
    const chosen = points.slice(0, req.maxFaults);
    for (const s of all) s.faults = { reached: points.length, run: chosen.length };
    for (const point of chosen) {
      const fail = { faults: { fail: point.id } };
      const baseF = await run2(job(base, "none", { ...fail, ...watching }));
      if (baseOnly) {
        const f = await alone(baseF, { kind: "fault", id: point.id, point }, () => run2(job(base, "full", fail)), plain.baseline);
        if (f) baseOnly.findings.push(f);
        continue;
      }
      for (const unit of variants) {
        const reached = baseF.explore?.reached ?? null;
        if (unit.changed && reached && !unit.changed.some((f2) => reached.includes(f2))) continue;
        const varF = await run2(job(unit, "none", fail));
        const f = await underFault(baseF, varF, point, plain.differences.get(unit.key) ?? [], unit, () => Promise.all([run2(job(base, "full", fail)), run2(job(unit, "full", fail))]));
        if (f) perVariant.get(unit.key).findings.push(f);
      }
    }
  }
  const threads = scenario.threads.length;
  if ((req.schedules || req.schedule) && threads < 2) {
    for (const s of all) s.schedules = { threads, baseline: 0, variant: 0, complete: true };
  } else if (req.schedules || req.schedule) {
    const search = (unit) => {
      if (req.schedule) return run2(job(unit, "none", { schedule: planOf(req.schedule), ...watching })).then((o) => ({ made: 1, pruned: 0, runs: [o], exhausted: true }));
      return searchSchedules((plan) => run2(job(unit, "none", { schedule: plan, ...watching })), { maxRuns: req.maxSchedules, bound: req.preemptions });
    };
    const first = scenario.threads[0].name;
    const scheduled = async (unit, id, on, shows, regression) => {
      const o = await run2(job(unit, "full", { schedule: planOf(id) }));
      return {
        kind: "schedule",
        id,
        on,
        shows,
        [on]: brief(o),
        differences: newly(compareOutcomes(await defaultOf(unit), o).differences),
        regression,
        steps: scheduleSteps(o, first)
      };
    };
    const b2 = await search(base);
    const inBase = firstSeen(b2.runs);
    if (baseOnly) {
      baseOnly.schedules = { threads, baseline: b2.made, variant: 0, complete: b2.exhausted };
      for (const [id, shows] of bySchedule(inBase, new Set(behaviours(plain.baseline).keys()))) baseOnly.findings.push(await scheduled(base, id, "baseline", shows, false));
    }
    const reachedInBase = new Set(b2.runs.flatMap((o) => o.explore?.reached ?? []));
    for (const unit of variants) {
      const s = perVariant.get(unit.key);
      if (unit.changed && !unit.changed.some((f) => reachedInBase.has(f))) {
        s.schedules = { threads, baseline: b2.made, variant: 0, complete: b2.exhausted };
        continue;
      }
      const v = await search(unit);
      s.schedules = { threads, baseline: b2.made, variant: v.made, complete: b2.exhausted && v.exhausted };
      const inVariant = firstSeen(v.runs);
      for (const [id, shows] of bySchedule(inVariant, new Set(inBase.keys()))) s.findings.push(await scheduled(unit, id, "variant", shows, !unit.partial));
      for (const [id, shows] of bySchedule(inBase, new Set(inVariant.keys()))) s.findings.push(await scheduled(base, id, "baseline", shows, false));
    }
  }
  return { perVariant, base: baseOnly };
}
function firstSeen(runs) {
  const m = /* @__PURE__ */ new Map();
  for (const o of runs) for (const [k, shown] of behaviours(o)) if (!m.has(k)) m.set(k, { run: o, shown });
  return m;
}
function bySchedule(seen, known) {
  const out2 = /* @__PURE__ */ new Map();
  for (const [k, { run: run2, shown }] of seen) {
    if (known.has(k)) continue;
    const id = run2.explore.schedule.id;
    out2.set(id, [...out2.get(id) ?? [], shown]);
  }
  return out2;
}
async function underFault(b2, v, point, plainDiffs, unit, traced) {
  const plainKeys = new Set(plainDiffs.map(diffKey));
  const keep = (ds) => ds.filter((d) => !plainKeys.has(diffKey(d)));
  if (!keep(compareOutcomes(b2, v).differences).length) return null;
  [b2, v] = await traced();
  const diffs = keep(compareOutcomes(b2, v).differences);
  if (!diffs.length) return null;
  return {
    kind: "fault",
    id: point.id,
    point,
    on: "both",
    shows: newly(diffs).map((d) => ({ kind: "difference", difference: factsOf(d) })),
    baseline: brief(b2),
    variant: brief(v),
    differences: diffs,
    regression: !unit.partial && diffs.some((d) => d.regression)
  };
}
async function alone(o, what, traced, plain) {
  const before = behaviours(plain);
  const shows = [...behaviours(o)].filter(([k]) => !before.has(k)).map(([, b2]) => b2);
  if (!shows.length) return null;
  const full = await traced();
  return { ...what, on: "baseline", shows, baseline: brief(full), differences: newly(compareOutcomes(plain, full).differences), regression: false };
}
var brief, diffKey, newly;
var init_explore_scenario = __esm({
  "src/replay/explore/explore-scenario.ts"() {
    "use strict";
    init_schedule();
    init_compare();
    init_trace_read();
    init_dpor();
    init_steps();
    brief = (o) => ({ verdict: o.verdict, result: o.result });
    diffKey = (d) => JSON.stringify(factsOf(d));
    newly = (ds) => ds.filter((d) => d.kind === "verdict" || d.kind === "hazard-gained");
  }
});

// src/model/interp/memory.ts
function hex2(a) {
  return "0x" + BigInt.asUintN(64, a).toString(16);
}
function wildPtr(addr2) {
  return new Ptr(new WildRegion(addr2), 0, 0);
}
function fieldOwner(r) {
  return r instanceof FieldRegion ? { obj: r.obj, field: r.field.name } : null;
}
function killRegion(r) {
  if (r instanceof OwnedRegion) {
    r.dead = true;
    if (r instanceof ArrayRegion) {
      for (const v of r.vals) if (v instanceof LocalStruct) v.kill();
    }
  }
}
function zeroScalar(t, table) {
  switch (t.k) {
    case "int":
      return t.bits === 64 ? 0n : 0;
    case "ptr":
      return null;
    case "opaque":
      return table.zeroOpaque(t.name);
    default:
      return UNINIT;
  }
}
function newValue(t, table, base, name2, mode, container) {
  if (t.k === "struct") {
    const layout = table.layoutOf(t.name);
    if (!layout || !layout.complete) throw new Error(`struct ${t.name} is incomplete`);
    return new LocalStruct(layout, base, name2, mode, container);
  }
  if (t.k === "array") {
    const es = Math.max(1, table.sizeof(t.of) ?? 1);
    const vals = new Array(t.len);
    const ek = t.of.k;
    if (ek === "struct" || ek === "array") {
      for (let i2 = 0; i2 < t.len; i2++) vals[i2] = newValue(t.of, table, base + BigInt(i2 * es), `${name2}[${i2}]`, mode);
    } else {
      const v = mode === "zero" ? zeroScalar(t.of, table) : UNINIT;
      for (let i2 = 0; i2 < t.len; i2++) vals[i2] = v;
    }
    return new ArrayRegion(name2, t.of, es, base, vals);
  }
  return mode === "zero" ? zeroScalar(t, table) : UNINIT;
}
function fillArray(r, table, mode) {
  for (let i2 = 0; i2 < r.vals.length; i2++) {
    const v = r.vals[i2];
    if (v instanceof LocalStruct) v.fill(mode);
    else if (v instanceof ArrayRegion) fillArray(v, table, mode);
    else r.vals[i2] = mode === "zero" ? zeroScalar(r.elemType, table) : UNINIT;
  }
}
function storageBytes(t, table) {
  return roundUp(Math.max(1, table.sizeof(t) ?? 8), 8);
}
function formatValue(v) {
  if (v === void 0) return "void";
  if (v === null) return "NULL";
  if (v === UNINIT) return "<uninitialised>";
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return v > 0xffffn ? hexText(v) : String(v);
  if (v instanceof Ptr) {
    const r = v.region;
    if (r instanceof FunctionRegion) return `&${r.name}`;
    if (r instanceof WildRegion) return hex2(r.base);
    if (v.byteOffset) return `${r.length === 1 ? r.name : `${r.name}[${v.index}]`}+${v.byteOffset}`;
    return ptrText(r, v.index);
  }
  if (v instanceof ArrayRegion) return `${v.name}[${v.length}]`;
  if (typeof v === "object" && "structName" in v) return `struct ${v.structName}@${hex2(v.self.address)}`;
  if (typeof v === "object" && "describe" in v) return v.describe();
  return String(v);
}
function ptrText(r, index) {
  const name2 = r.name;
  let t = regionTexts.get(r);
  if (!t || t.name !== name2) regionTexts.set(r, t = { name: name2, one: null, at: null });
  if (r.length === 1) return t.one ??= `&${name2}`;
  t.at ??= /* @__PURE__ */ new Map();
  let s = t.at.get(index);
  if (s === void 0) {
    s = `&${name2}[${index}]`;
    if (t.at.size >= MAX_INDEX_TEXTS) t.at.clear();
    t.at.set(index, s);
  }
  return s;
}
function hexText(v) {
  let s = hexTexts.get(v);
  if (s === void 0) {
    s = hex2(v);
    if (hexTexts.size >= MAX_HEX_TEXTS) hexTexts.clear();
    hexTexts.set(v, s);
  }
  return s;
}
var ADDR, DefaultAddressSpace, WildRegion, OwnedRegion, ArrayRegion, CellRegion, FunctionRegion, StructCellRegion, FieldRegion, LocalStruct, regionTexts, MAX_INDEX_TEXTS, hexTexts, MAX_HEX_TEXTS;
var init_memory = __esm({
  "src/model/interp/memory.ts"() {
    "use strict";
    init_api();
    init_ctypes();
    ADDR = {
      /** DefaultAddressSpace.allocate hands out addresses from here (the direct map). */
      heap: 0xffff888000000000n,
      /** Suggested base for the runtime's memmap (struct page array, index = pfn). */
      vmemmap: 0xffffea0000000000n,
      /** Thread stacks (model locals), `stackStride` apart. */
      stacks: 0xffffc90000000000n,
      stackStride: 0x100000n,
      /** Model functions (function pointers), 64 bytes apart. */
      text: 0xffffffff81000000n,
      /** String literals. */
      rodata: 0xffffffff82000000n
    };
    DefaultAddressSpace = class {
      bases = [];
      regs = [];
      next = ADDR.heap;
      /** Bytes handed out by allocate() (the model-memory budget counts these). */
      allocatedBytes = 0;
      register(region) {
        const i2 = this.upper(region.base);
        if (i2 > 0 && this.regs[i2 - 1] === region) return;
        this.bases.splice(i2, 0, region.base);
        this.regs.splice(i2, 0, region);
      }
      /** Additive to the AddressSpace contract: forget a region (a freed object, a returned frame). */
      unregister(region) {
        const i2 = this.regs.indexOf(region);
        if (i2 >= 0) {
          this.bases.splice(i2, 1);
          this.regs.splice(i2, 1);
        }
      }
      /** The region containing `addr`, or null. */
      regionAt(addr2) {
        const i2 = this.upper(addr2) - 1;
        for (let j = i2; j >= 0 && j >= i2 - 4; j--) {
          const r = this.regs[j];
          if (addr2 < r.base + BigInt(r.length * r.elemSize)) return r;
        }
        return null;
      }
      ptrAt(addr2, _elemType) {
        const r = this.regionAt(addr2);
        if (!r) return wildPtr(addr2);
        const rel = addr2 - r.base;
        const size = BigInt(r.elemSize);
        return new Ptr(r, Number(rel / size), Number(rel % size));
      }
      allocate(bytes, align = 64) {
        const a = this.next + BigInt(align) - 1n & ~(BigInt(align) - 1n);
        const n = Math.max(1, bytes);
        this.next = a + BigInt(n);
        this.allocatedBytes += n;
        return a;
      }
      /** Every registered region, by address (for `lkml-replay model` and debugging). */
      regions() {
        return this.regs;
      }
      upper(addr2) {
        let lo = 0;
        let hi = this.bases.length;
        while (lo < hi) {
          const mid = lo + hi >> 1;
          if (this.bases[mid] <= addr2) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      }
    };
    WildRegion = class {
      constructor(base) {
        this.base = base;
      }
      base;
      elemType = { k: "void" };
      elemSize = 1;
      length = 1;
      get name() {
        return `nothing at ${hex2(this.base)}`;
      }
      load(_i, ctx) {
        return ctx.bug(`dereference of wild pointer ${hex2(this.base)} (nothing lives there)`);
      }
      store(_i, _v, ctx) {
        ctx.bug(`write through wild pointer ${hex2(this.base)} (nothing lives there)`);
      }
    };
    OwnedRegion = class {
      constructor(name2, elemType, elemSize, base, length) {
        this.name = name2;
        this.elemType = elemType;
        this.elemSize = elemSize;
        this.base = base;
        this.length = length;
      }
      name;
      elemType;
      elemSize;
      base;
      length;
      dead = false;
      gone(ctx) {
        return ctx.bug(`use of ${this.name} after its function returned`);
      }
    };
    ArrayRegion = class extends OwnedRegion {
      constructor(name2, elemType, elemSize, base, vals, readonly_ = false) {
        super(name2, elemType, elemSize, base, vals.length);
        this.vals = vals;
        this.readonly_ = readonly_;
      }
      vals;
      readonly_;
      load(i2, ctx) {
        if (this.dead) this.gone(ctx);
        return this.vals[i2];
      }
      store(i2, v, ctx) {
        if (this.dead) this.gone(ctx);
        if (this.readonly_) ctx.bug(`write to read-only ${this.name}`);
        const cur = this.vals[i2];
        if (cur instanceof LocalStruct) cur.copyFrom(v, ctx);
        else this.vals[i2] = v;
      }
    };
    CellRegion = class extends OwnedRegion {
      constructor(name2, elemType, elemSize, base, value) {
        super(name2, elemType, elemSize, base, 1);
        this.value = value;
      }
      value;
      load(_i, ctx) {
        if (this.dead) this.gone(ctx);
        return this.value;
      }
      store(_i, v, ctx) {
        if (this.dead) this.gone(ctx);
        this.value = v;
      }
    };
    FunctionRegion = class {
      constructor(name2, elemType, base, target) {
        this.name = name2;
        this.elemType = elemType;
        this.base = base;
        this.target = target;
      }
      name;
      elemType;
      base;
      target;
      elemSize = 64;
      length = 1;
      load(_i, ctx) {
        return ctx.bug(`reading function ${this.name} as data`);
      }
      store(_i, _v, ctx) {
        ctx.bug(`writing to function ${this.name}`);
      }
    };
    StructCellRegion = class {
      constructor(obj) {
        this.obj = obj;
      }
      obj;
      length = 1;
      get name() {
        return this.obj.name;
      }
      get elemType() {
        return this.obj.layout.table.structType(this.obj.layout.name);
      }
      get elemSize() {
        return Math.max(1, this.obj.layout.size);
      }
      get base() {
        return this.obj.base;
      }
      load(_i, ctx) {
        if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
        return this.obj;
      }
      store(_i, v, ctx) {
        if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
        this.obj.copyFrom(v, ctx);
      }
    };
    FieldRegion = class {
      constructor(obj, field2) {
        this.obj = obj;
        this.field = field2;
        this.elemSize = Math.max(1, obj.layout.table.sizeof(field2.t) ?? 8);
        this.base = obj.base + BigInt(field2.offset);
      }
      obj;
      field;
      length = 1;
      elemSize;
      base;
      get name() {
        return `${this.obj.name}.${this.field.name}`;
      }
      get elemType() {
        return this.field.t;
      }
      load(_i, ctx) {
        if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
        return this.obj.vals[this.field.index];
      }
      store(_i, v, ctx) {
        if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
        this.obj.vals[this.field.index] = v;
      }
    };
    LocalStruct = class _LocalStruct {
      constructor(layout, base, name2, mode, container) {
        this.layout = layout;
        this.base = base;
        this.name = name2;
        this.container = container;
        this.vals = new Array(layout.fields.length);
        for (const f of layout.fields) {
          const k = f.t.k;
          this.vals[f.index] = k === "struct" || k === "array" ? newValue(f.t, layout.table, base + BigInt(f.offset), `${name2}.${f.name}`, mode, { obj: this, field: f.name }) : mode === "zero" ? zeroScalar(f.t, layout.table) : UNINIT;
        }
      }
      layout;
      base;
      name;
      container;
      vals;
      dead = false;
      cell = null;
      fptrs = null;
      get structName() {
        return this.layout.name;
      }
      get self() {
        return this.cell ??= new Ptr(new StructCellRegion(this), 0);
      }
      field(name2) {
        const f = this.layout.byName.get(name2);
        if (!f) throw new Error(`struct ${this.layout.name} has no field ${name2}`);
        return f;
      }
      get(field2, ctx) {
        if (this.dead) ctx.bug(`use of ${this.name} after its function returned`);
        const f = this.field(field2);
        const v = this.vals[f.index];
        return v instanceof ArrayRegion ? new Ptr(v, 0) : v;
      }
      set(field2, value, ctx) {
        if (this.dead) ctx.bug(`use of ${this.name} after its function returned`);
        const f = this.field(field2);
        const cur = this.vals[f.index];
        if (cur instanceof _LocalStruct) cur.copyFrom(value, ctx);
        else this.vals[f.index] = value;
      }
      fieldPtr(field2, _ctx) {
        const f = this.field(field2);
        const v = this.vals[f.index];
        if (v instanceof _LocalStruct) return v.self;
        if (v instanceof ArrayRegion) return new Ptr(v, 0);
        this.fptrs ??= new Array(this.layout.fields.length);
        return this.fptrs[f.index] ??= new Ptr(new FieldRegion(this, f), 0);
      }
      /** Re-initialise in place (a declaration executed again, `= {}`). */
      fill(mode) {
        const table = this.layout.table;
        for (const f of this.layout.fields) {
          const cur = this.vals[f.index];
          if (cur instanceof _LocalStruct) cur.fill(mode);
          else if (cur instanceof ArrayRegion) fillArray(cur, table, mode);
          else this.vals[f.index] = mode === "zero" ? zeroScalar(f.t, table) : UNINIT;
        }
      }
      /** Struct assignment: copies every field, UNINIT included (copying is not a read). */
      copyFrom(src, ctx) {
        if (src === this) return;
        for (const f of this.layout.fields) {
          const cur = this.vals[f.index];
          const sv = src instanceof _LocalStruct ? src.vals[f.index] : src.get(f.name, ctx);
          if (cur instanceof _LocalStruct) cur.copyFrom(sv, ctx);
          else if (cur instanceof ArrayRegion) {
            const from = sv instanceof ArrayRegion ? sv.vals : null;
            for (let i2 = 0; i2 < cur.vals.length; i2++) {
              const x = from ? from[i2] : sv.region.load(sv.index + i2, ctx);
              if (cur.vals[i2] instanceof _LocalStruct) cur.vals[i2].copyFrom(x, ctx);
              else cur.vals[i2] = x;
            }
          } else this.vals[f.index] = sv;
        }
      }
      /** Mark this object (and what it embeds) as gone: its frame returned. */
      kill() {
        this.dead = true;
        for (const v of this.vals) {
          if (v instanceof _LocalStruct) v.kill();
          else if (v instanceof ArrayRegion) killRegion(v);
        }
      }
    };
    regionTexts = /* @__PURE__ */ new WeakMap();
    MAX_INDEX_TEXTS = 4096;
    hexTexts = /* @__PURE__ */ new Map();
    MAX_HEX_TEXTS = 65536;
  }
});

// src/model/interp/runtime.ts
function tick(f, loc) {
  f.loc = loc;
  const m = f.m;
  if (++m.steps >= m.checkAt) m.checkpoint(f);
}
function pushFrame(nf) {
  const t = nf.t;
  const fn = nf.fn;
  if (t.frames.length >= t.m.maxDepth) {
    t.frames.push(nf);
    t.m.overBudget("call-depth", `call depth ${t.m.maxDepth} exceeded calling ${fn.name}()`);
  }
  if (fn.frameBytes !== 0) {
    nf.sp = t.sp;
    t.sp += fn.frameBytes;
    if (t.sp > t.m.stackBytes) {
      t.frames.push(nf);
      t.m.overBudget("memory", `thread ${t.thread.name}: stack of ${t.m.stackBytes} bytes exhausted in ${fn.name}()`);
    }
  }
  t.frames.push(nf);
  if (t.m.callHooked) t.m.onCallFrame(t, nf);
}
function popFrame(nf, value) {
  const t = nf.t;
  const fn = nf.fn;
  if (fn.ownedSlots.length !== 0) {
    for (const s of fn.ownedSlots) {
      const o = nf.v[s];
      if (o instanceof LocalStruct) o.kill();
      else if (o instanceof ArrayRegion || o !== void 0 && o !== null && typeof o === "object" && "dead" in o) killRegion(o);
    }
    t.sp = nf.sp;
  }
  t.frames.pop();
  if (t.m.callHooked) t.m.onReturn(t, fn.name, "model", value);
}
function stackAddr(f, off) {
  return f.t.stackBase + BigInt(f.sp + off);
}
function bug(f, message) {
  return f.t.bug(message);
}
function loadPtr(f, p, what) {
  if (p instanceof Ptr) {
    const r = p.region;
    if (p.byteOffset !== 0) return bug(f, `misaligned or tagged pointer dereference: ${what} is ${r.name}+${p.byteOffset}`);
    if (p.index < 0 || p.index >= r.length) return bug(f, `out-of-bounds access: ${what} is ${r.name}[${p.index}] (length ${r.length})`);
    return r.load(p.index, f.t);
  }
  if (p === null) return bug(f, `NULL pointer dereference: ${what}`);
  return bug(f, `dereference of an uninitialised pointer: ${what}`);
}
function storePtr(f, p, v, what) {
  if (p instanceof Ptr) {
    const r = p.region;
    if (p.byteOffset !== 0) bug(f, `misaligned or tagged pointer store: ${what} is ${r.name}+${p.byteOffset}`);
    if (p.index < 0 || p.index >= r.length) bug(f, `out-of-bounds store: ${what} is ${r.name}[${p.index}] (length ${r.length})`);
    r.store(p.index, v, f.t);
    return;
  }
  if (p === null) bug(f, `NULL pointer dereference (store): ${what}`);
  bug(f, `store through an uninitialised pointer: ${what}`);
}
function targetOf(f, p, what) {
  if (p instanceof Ptr && p.region instanceof FunctionRegion && p.index === 0 && p.byteOffset === 0) {
    return p.region.target;
  }
  if (p === null) return bug(f, `call through NULL function pointer: ${what}`);
  if (p === UNINIT) return bug(f, `call through uninitialised function pointer: ${what}`);
  return bug(f, `call through a pointer that is not a function: ${what}`);
}
function ptrEquals(a, b2) {
  if (a === b2) return true;
  if (a instanceof Ptr) {
    if (b2 instanceof Ptr) {
      if (a.region === b2.region) return a.index === b2.index && a.byteOffset === b2.byteOffset;
      return a.address === b2.address;
    }
    return false;
  }
  return false;
}
function ptrToInt(p) {
  if (p === null) return 0n;
  return BigInt.asUintN(64, p.address);
}
function isIterator(r) {
  return r !== null && typeof r === "object" && typeof r.next === "function" && typeof r.throw === "function";
}
function apply(b2, t, v) {
  const fn = b2.b.fn;
  switch (v.length) {
    case 0:
      return fn(t);
    case 1:
      return fn(t, v[0]);
    case 2:
      return fn(t, v[0], v[1]);
    case 3:
      return fn(t, v[0], v[1], v[2]);
    case 4:
      return fn(t, v[0], v[1], v[2], v[3]);
    default:
      return fn(t, ...v);
  }
}
function* callBuiltinGen(t, b2, vals) {
  const hooked = t.m.builtinHooked;
  if (hooked) {
    if (t.m.preempting) {
      const p = t.m.preemptAt(t, b2.name, vals, true);
      if (p) yield p;
    }
    t.m.onCall(t, b2.name, "builtin", vals);
    if (t.m.intercepting) {
      const x = t.m.interceptBuiltin(t, b2, vals);
      if (x) return finishBuiltin(t, b2, x.value);
    }
  }
  let r = apply(b2, t, vals);
  if (isIterator(r)) r = yield* r;
  const v = b2.checkRet(r, t);
  if (hooked) t.m.onReturn(t, b2.name, "builtin", v);
  return v;
}
function callBuiltinPlain(t, b2, vals) {
  const hooked = t.m.builtinHooked;
  if (hooked) {
    t.m.onCall(t, b2.name, "builtin", vals);
    if (t.m.intercepting) {
      const x = t.m.interceptBuiltin(t, b2, vals);
      if (x) return finishBuiltin(t, b2, x.value);
    }
  }
  let r = apply(b2, t, vals);
  if (isIterator(r)) {
    const step = r.next();
    if (!step.done) return t.notModelled(`builtin ${b2.name}() blocked, but it is not declared blocking`);
    r = step.value;
  }
  const v = b2.checkRet(r, t);
  if (hooked) t.m.onReturn(t, b2.name, "builtin", v);
  return v;
}
function finishBuiltin(t, b2, value) {
  const v = b2.checkRet(value, t);
  t.m.onReturn(t, b2.name, "builtin", v);
  return v;
}
function* invokeTarget(t, tgt, vals, discard = false) {
  if (tgt.kind === "model") {
    const fn = tgt.fn;
    const nf = new Frame(fn, t);
    nf.discard = discard;
    const n = Math.min(vals.length, fn.type.params.length);
    for (let i2 = 0; i2 < n; i2++) nf.v[i2] = vals[i2];
    pushFrame(nf);
    const r = fn.run !== null ? fn.run(nf) : yield* fn.runGen(nf);
    popFrame(nf, r);
    return r;
  }
  if (tgt.kind === "builtin") return yield* callBuiltinGen(t, tgt, vals);
  return t.notModelled(`calls \`${tgt.name}()\`, which the model does not have`);
}
var NORMAL, BREAK, CONTINUE, RETURN, GOTO, Frame, RunEnd;
var init_runtime = __esm({
  "src/model/interp/runtime.ts"() {
    "use strict";
    init_api();
    init_memory();
    NORMAL = 0;
    BREAK = 1;
    CONTINUE = 2;
    RETURN = 3;
    GOTO = 4;
    Frame = class {
      constructor(fn, t) {
        this.fn = fn;
        this.t = t;
        this.v = new Array(fn.nSlots);
        this.loc = fn.loc;
        this.m = t.m;
      }
      fn;
      t;
      v;
      loc;
      ret = void 0;
      /** Pending goto target while a GOTO completion unwinds to the block holding the label. */
      label = null;
      sp = 0;
      /** The caller discards the value (`f(x);`, `(void)f(x);`): falling off a non-void body is then no use. */
      discard = false;
      m;
    };
    RunEnd = class {
      constructor(verdict, detail, thread, stack, extra = {}) {
        this.verdict = verdict;
        this.detail = detail;
        this.thread = thread;
        this.stack = stack;
        this.extra = extra;
      }
      verdict;
      detail;
      thread;
      stack;
      extra;
    };
  }
});

// src/model/interp/cexpr.ts
function plainExpr(t, ev, src, line, place = null, js) {
  const c = { t, ev, gv: null, konst: false, kv: void 0, place, nullConst: false, src, line };
  if (js) c.js = js;
  return c;
}
function genExpr(t, gv, src, line, js) {
  const c = { t, ev: null, gv, konst: false, kv: void 0, place: null, nullConst: false, src, line };
  if (js) c.js = js;
  return c;
}
function constExpr(t, v, src, line) {
  const c = plainExpr(t, () => v, src, line);
  c.konst = true;
  c.kv = v;
  c.nullConst = (v === 0 || v === 0n || v === null) && (isInt(t) || t.k === "ptr" && t.to.k === "void");
  return c;
}
function retype(c, t) {
  return { ...c, t, place: null, target: void 0 };
}
function lift1(t, a, op, src, line, pure = true, jsOp) {
  if (pure && a.konst && a.kv !== UNINIT) {
    try {
      return constExpr(t, op(a.kv, null), src, line);
    } catch {
    }
  }
  const js = jsOp ? (g) => {
    const x = g.tmp();
    return `(${x} = ${g.e(a)}, ${jsOp(g, x)})`;
  } : (g) => `${g.k(op)}(${g.e(a)}, f)`;
  const ea = a.ev;
  if (ea) return plainExpr(t, (f) => op(ea(f), f), src, line, null, js);
  const ga = a.gv;
  return genExpr(t, function* (f) {
    return op(yield* ga(f), f);
  }, src, line, js);
}
function lift2(t, a, b2, op, src, line, pure = true, jsOp) {
  if (pure && a.konst && b2.konst && a.kv !== UNINIT && b2.kv !== UNINIT) {
    try {
      return constExpr(t, op(a.kv, b2.kv, null), src, line);
    } catch {
    }
  }
  const js = jsOp ? (g) => {
    const x = g.tmp();
    const y = g.tmp();
    return `(${x} = ${g.e(a)}, ${y} = ${g.e(b2)}, ${jsOp(g, x, y)})`;
  } : (g) => `${g.k(op)}(${g.e(a)}, ${g.e(b2)}, f)`;
  const ea = a.ev;
  const eb = b2.ev;
  if (ea && eb) return plainExpr(t, (f) => op(ea(f), eb(f), f), src, line, null, js);
  const ga = a.gv;
  const gb = b2.gv;
  return genExpr(t, function* (f) {
    const x = ga ? yield* ga(f) : ea(f);
    const y = gb ? yield* gb(f) : eb(f);
    return op(x, y, f);
  }, src, line, js);
}
function evalAll(args3) {
  const evs = args3.map((a) => a.ev);
  const gvs = args3.map((a) => a.gv);
  const n = args3.length;
  if (gvs.every((g) => g === null)) {
    const e = evs;
    return { ev: (f, out2) => {
      for (let i2 = 0; i2 < n; i2++) out2[i2] = e[i2](f);
    }, gv: null };
  }
  return {
    ev: null,
    gv: function* (f, out2) {
      for (let i2 = 0; i2 < n; i2++) {
        const g = gvs[i2];
        out2[i2] = g ? yield* g(f) : evs[i2](f);
      }
    }
  };
}
function uninitRead(f, site, operand) {
  f.m.hazardAt(f.t, site, "uninitialised-read", `reads uninitialised \`${operand}\` in \`${site.what}\``, true);
}
function siteAt(loc, what) {
  return { loc, what };
}
function ptrCompatible(to, from) {
  if (to.k !== "ptr" || from.k !== "ptr") return false;
  if (to.to.k === "void" || from.to.k === "void") return true;
  return sameType(to.to, from.to);
}
function convFn(from, to, kind, what, line, nullConst = false) {
  const fail = (why) => {
    throw new CompileError(line, `${what}: ${why} (\`${typeToString(from)}\` to \`${typeToString(to)}\`)`);
  };
  if (from === UNRESOLVED) return null;
  if (to.k === "void") {
    if (kind !== "cast") fail("cannot convert to void");
    return () => void 0;
  }
  if (from.k === "void") fail("void value used");
  if (to.k === "int") {
    if (from.k === "int") {
      const conv = converterFrom(from, to);
      if (!conv) return null;
      return (v) => v === UNINIT ? UNINIT : conv(v);
    }
    if (from.k === "ptr") {
      if (to.bits === 1) return (v) => v === null ? 0 : v === UNINIT ? UNINIT : 1;
      if (kind !== "cast") fail("makes integer from pointer without a cast");
      const conv = converterFrom(intTypeOf64(), to);
      return (v) => v === UNINIT ? UNINIT : conv ? conv(ptrToInt(v)) : ptrToInt(v);
    }
    fail("cannot convert");
  }
  if (to.k === "ptr") {
    if (nullConst) return () => null;
    if (from.k === "ptr") {
      if (kind !== "cast" && !ptrCompatible(to, from)) fail("incompatible pointer types");
      return null;
    }
    if (from.k === "int") {
      if (kind !== "cast") fail("makes pointer from integer without a cast");
      const elem = to.to;
      return (v, f) => {
        if (v === UNINIT) return UNINIT;
        const a = BigInt.asUintN(64, typeof v === "bigint" ? v : BigInt(v));
        return a === 0n ? null : f.m.ptrAt(a, elem);
      };
    }
    fail("cannot convert");
  }
  if (to.k === "struct" || to.k === "opaque") {
    if (kind === "cast") fail("cast to a struct or runtime-owned type");
    if (!sameType(to, from)) fail("incompatible types");
    return null;
  }
  return fail("cannot convert");
}
function convert(c, to, kind, what) {
  if (to.k === "ptr" && c.nullConst) {
    const n = constExpr(to, null, c.src, c.line);
    n.nullConst = true;
    return n;
  }
  const fn = convFn(c.t, to, kind, what, c.line, c.nullConst);
  if (!fn) return retype(c, to);
  const pure = !(to.k === "ptr" && c.t.k === "int");
  return lift1(to, c, fn, c.src, c.line, pure, convJs(c.t, to, c.nullConst) ?? void 0);
}
function convJs(from, to, nullConst = false) {
  if (from === UNRESOLVED) return null;
  if (to.k === "void") return () => "undefined";
  if (to.k === "int") {
    if (from.k === "int") {
      const conv = converterFrom(from, to);
      if (!conv) return null;
      return (_g, x) => `(${x} === U ? U : ${converterJs(to, x)})`;
    }
    if (from.k === "ptr" && to.bits === 1) return (_g, x) => `(${x} === null ? 0 : ${x} === U ? U : 1)`;
    return null;
  }
  if (to.k === "ptr" && nullConst) return () => "null";
  return null;
}
function intTypeOf64() {
  return i64 ??= { k: "int", bits: 64, signed: false, name: "unsigned long" };
}
function ptrAddBytes(p, bytes) {
  const size = p.region.elemSize;
  const total = p.index * size + p.byteOffset + bytes;
  const index = Math.floor(total / size);
  return new Ptr(p.region, index, total - index * size);
}
var CompileError, i64;
var init_cexpr = __esm({
  "src/model/interp/cexpr.ts"() {
    "use strict";
    init_api();
    init_ctypes();
    init_ints();
    init_runtime();
    CompileError = class extends Error {
      constructor(line, message, unknown, callee) {
        super(message);
        this.line = line;
        this.unknown = unknown;
        this.callee = callee;
      }
      line;
      unknown;
      callee;
    };
    i64 = null;
  }
});

// src/model/interp/compile-ops.ts
function isUnresolved(t) {
  return t === UNRESOLVED;
}
function toNum(v) {
  return typeof v === "bigint" ? Number(BigInt.asIntN(64, v)) : v;
}
function elemMatches(a, b2) {
  return a === b2 || (a.k === "struct" ? b2.k === "struct" && a.name === b2.name : sameType(a, b2));
}
function ptrAdder(elem, size) {
  return (p, n, f) => {
    if (p instanceof Ptr) {
      if (n === 0) return p;
      if (size === null || p.byteOffset === 0 && elemMatches(p.region.elemType, elem)) return new Ptr(p.region, p.index + n, p.byteOffset);
      return ptrAddBytes(p, n * size);
    }
    if (p === null) return n === 0 ? null : f.m.ptrAt(BigInt.asUintN(64, BigInt(n) * BigInt(size ?? 1)), elem);
    return UNINIT;
  };
}
function ptrDiff(elem, size) {
  return (a, b2) => {
    if (a && b2 && a.region === b2.region && a.byteOffset === b2.byteOffset && (size === null || elemMatches(a.region.elemType, elem))) {
      return BigInt(a.index - b2.index);
    }
    const x = a ? a.address : 0n;
    const y = b2 ? b2.address : 0n;
    return BigInt.asIntN(64, (x - y) / BigInt(size ?? a?.region.elemSize ?? 1));
  };
}
function ptrCompare(op) {
  if (op === "==") return (a, b2) => ptrEquals(a, b2);
  if (op === "!=") return (a, b2) => !ptrEquals(a, b2);
  const cmp = compare(op);
  return (a, b2) => {
    if (a && b2 && a.region === b2.region) return cmp(a.index * a.region.elemSize + a.byteOffset, b2.index * b2.region.elemSize + b2.byteOffset);
    return cmp(a ? BigInt.asUintN(64, a.address) : 0n, b2 ? BigInt.asUintN(64, b2.address) : 0n);
  };
}
function stepOf(cx, p, line) {
  const elem = p.to;
  if (elem.k === "func") throw new CompileError(line, "arithmetic on a function pointer");
  return { elem, size: cx.ps.types.sizeof(elem) };
}
function binaryValOp(cx, op, a, b2, src, line) {
  const ta = a.t;
  const tb = b2.t;
  const site = siteAt(cx.loc, src);
  const isCmp = CMP_OPS.has(op);
  const garbage = (x, f) => {
    uninitRead(f, site, x === UNINIT ? a.src : b2.src);
    return isCmp ? op === "!=" ? 1 : 0 : UNINIT;
  };
  if (ta.k === "int" && tb.k === "int") {
    const uninit = (g, x, y) => `${x} === U || ${y} === U ? ${g.k(garbage)}(${x}, f)`;
    if (op === "<<" || op === ">>") {
      const t = promote(ta);
      const ca2 = converterFrom(ta, t);
      const sh = shift(op, repOf(t));
      const shJs = shiftJs(op, repOf(t));
      return {
        t,
        pure: true,
        fn: (x, y, f) => x === UNINIT || y === UNINIT ? garbage(x, f) : sh(ca2 ? ca2(x) : x, y),
        js: (g, x, y) => `(${uninit(g, x, y)} : ${shJs(ca2 ? converterJs(t, x) : x, y)})`
      };
    }
    const ct = uac(ta, tb);
    const ca = converterFrom(ta, ct);
    const cb = converterFrom(tb, ct);
    const pa = (x) => ca ? converterJs(ct, x) : x;
    const pb = (y) => cb ? converterJs(ct, y) : y;
    if (isCmp) {
      const cmp = compare(op);
      const cj = compareJs(op);
      return {
        t: INT,
        pure: true,
        fn: (x, y, f) => {
          if (x === UNINIT || y === UNINIT) return garbage(x, f);
          return cmp(ca ? ca(x) : x, cb ? cb(y) : y) ? 1 : 0;
        },
        js: (g, x, y) => `(${uninit(g, x, y)} : ${pa(x)} ${cj} ${pb(y)} ? 1 : 0)`
      };
    }
    const ar = arith(op, repOf(ct));
    if (!ar) throw new CompileError(line, `unsupported operator ${op} on integers in \`${src}\``);
    const arJs = arithJs(op, repOf(ct));
    const zero = is64(ct) ? 0n : 0;
    const divides = op === "/" || op === "%";
    const byZero = (f) => bug(f, `division by zero in \`${src}\``);
    return {
      t: ct,
      pure: true,
      fn: (x, y, f) => {
        if (x === UNINIT || y === UNINIT) return garbage(x, f);
        const p = ca ? ca(x) : x;
        const q = cb ? cb(y) : y;
        if (divides && q === zero) bug(f, `division by zero in \`${src}\``);
        return ar(p, q);
      },
      js: divides ? (g, x, y) => {
        const q = g.tmp();
        return `(${uninit(g, x, y)} : (${q} = ${pb(y)}, ${q} === ${g.lit(zero)} ? ${g.k(byZero)}(f) : ${arJs(pa(x), q)}))`;
      } : (g, x, y) => `(${uninit(g, x, y)} : ${arJs(pa(x), pb(y))})`
    };
  }
  if (ta.k === "ptr" && tb.k === "int" && (op === "+" || op === "-")) {
    const { elem, size } = stepOf(cx, ta, line);
    const add = ptrAdder(elem, size);
    const sign = op === "+" ? 1 : -1;
    return { t: ta, pure: false, fn: (x, y, f) => x === UNINIT || y === UNINIT ? garbage(x, f) : add(x, sign * toNum(y), f) };
  }
  if (ta.k === "int" && tb.k === "ptr" && op === "+") {
    const { elem, size } = stepOf(cx, tb, line);
    const add = ptrAdder(elem, size);
    return { t: tb, pure: false, fn: (x, y, f) => x === UNINIT || y === UNINIT ? garbage(x, f) : add(y, toNum(x), f) };
  }
  if (ta.k === "ptr" && tb.k === "ptr" && op === "-") {
    if (!sameType(ta.to, tb.to)) throw new CompileError(line, `subtracting pointers to different types in \`${src}\``);
    const { elem, size } = stepOf(cx, ta, line);
    const diff = ptrDiff(elem, size);
    return { t: LONG, pure: false, fn: (x, y, f) => x === UNINIT || y === UNINIT ? garbage(x, f) : diff(x, y) };
  }
  if (isCmp && (ta.k === "ptr" || tb.k === "ptr")) {
    const okNull = (c) => c.nullConst;
    if (!(ta.k === "ptr" && tb.k === "ptr" || ta.k === "ptr" && okNull(b2) || tb.k === "ptr" && okNull(a))) {
      throw new CompileError(line, `comparison between \`${typeToString(ta)}\` and \`${typeToString(tb)}\` in \`${src}\``);
    }
    const pc = ptrCompare(op);
    const asPtr = (v) => v === 0 || v === 0n ? null : v;
    return {
      t: INT,
      pure: false,
      fn: (x, y, f) => x === UNINIT || y === UNINIT ? garbage(x, f) : pc(asPtr(x), asPtr(y)) ? 1 : 0
    };
  }
  throw new CompileError(line, `invalid operands to \`${op}\` (\`${typeToString(ta)}\` and \`${typeToString(tb)}\`) in \`${src}\``);
}
function unaryValOp(cx, op, a, src, line) {
  if (a.t.k !== "int") throw new CompileError(line, `invalid operand to unary \`${op}\` (\`${typeToString(a.t)}\`) in \`${src}\``);
  const t = promote(a.t);
  const ca = converterFrom(a.t, t);
  const rep = repOf(t);
  const site = siteAt(cx.loc, src);
  const g = op === "-" ? negate(rep) : op === "~" ? complement(rep) : (v) => v;
  const fn = (x, f) => {
    if (x === UNINIT) {
      uninitRead(f, site, a.src);
      return UNINIT;
    }
    return g(ca ? ca(x) : x);
  };
  const opJs = (v) => op === "-" ? negateJs(rep, v) : op === "~" ? complementJs(rep, v) : v;
  return {
    t,
    fn,
    js: (gen, x) => `(${x} === U ? ${gen.k(fn)}(${x}, f) : ${opJs(ca ? converterJs(t, x) : x)})`
  };
}
function condOf(cx, c) {
  const t = c.t;
  if (isUnresolved(t)) {
    const e2 = c.ev;
    const g2 = c.gv;
    const js2 = (gen) => `(${gen.e(c)}, true)`;
    return e2 ? { ev: (f) => (e2(f), true), gv: null, konst: null, js: js2 } : { ev: null, gv: function* (f) {
      yield* g2(f);
      return true;
    }, konst: null, js: js2 };
  }
  if (t.k !== "int" && t.k !== "ptr") throw new CompileError(c.line, `\`${c.src}\` (\`${typeToString(t)}\`) used as a condition`);
  const zero = t.k === "ptr" ? null : is64(t) ? 0n : 0;
  if (c.konst && c.kv !== UNINIT) {
    const k = c.kv !== null && c.kv !== 0 && c.kv !== 0n;
    return { ev: k ? () => true : () => false, gv: null, konst: k };
  }
  const site = siteAt(cx.loc, c.src);
  const truth = (v, f) => {
    if (v !== UNINIT) return true;
    uninitRead(f, site, c.src);
    return true;
  };
  const js = (gen) => {
    const v = gen.tmp();
    return `((${v} = ${gen.e(c)}) !== ${gen.lit(zero)} && (${v} !== U || ${gen.k(truth)}(${v}, f)))`;
  };
  const e = c.ev;
  if (e) return { ev: (f) => {
    const v = e(f);
    return v !== zero && truth(v, f);
  }, gv: null, konst: null, js };
  const g = c.gv;
  return {
    ev: null,
    gv: function* (f) {
      const v = yield* g(f);
      return v !== zero && truth(v, f);
    },
    konst: null,
    js
  };
}
function notCond(c) {
  const e = c.ev;
  if (c.konst !== null) return { ev: c.konst ? () => false : () => true, gv: null, konst: !c.konst };
  const js = (gen) => `!${gen.cond(c)}`;
  if (e) return { ev: (f) => !e(f), gv: null, konst: null, js };
  const g = c.gv;
  return { ev: null, gv: function* (f) {
    return !(yield* g(f));
  }, konst: null, js };
}
function andOr(op, a, b2) {
  const ea = a.ev;
  const eb = b2.ev;
  const js = (gen) => `(${gen.cond(a)} ${op} ${gen.cond(b2)})`;
  if (ea && eb) return { ev: op === "&&" ? (f) => ea(f) && eb(f) : (f) => ea(f) || eb(f), gv: null, konst: null, js };
  const ga = a.gv;
  const gb = b2.gv;
  return {
    ev: null,
    gv: function* (f) {
      const x = ga ? yield* ga(f) : ea(f);
      if (op === "&&" ? !x : x) return x;
      return gb ? yield* gb(f) : eb(f);
    },
    konst: null,
    js
  };
}
function condToExpr(c, src, line) {
  if (c.konst !== null) return constExpr(INT, c.konst ? 1 : 0, src, line);
  const js = (gen) => `(${gen.cond(c)} ? 1 : 0)`;
  const e = c.ev;
  if (e) return plainExpr(INT, (f) => e(f) ? 1 : 0, src, line, null, js);
  const g = c.gv;
  return genExpr(INT, function* (f) {
    return (yield* g(f)) ? 1 : 0;
  }, src, line, js);
}
function applyBinary(v, a, b2, src, line) {
  return lift2(v.t, a, b2, v.fn, src, line, v.pure, v.js);
}
var CMP_OPS;
var init_compile_ops = __esm({
  "src/model/interp/compile-ops.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_ctypes();
    init_ints();
    init_runtime();
    CMP_OPS = /* @__PURE__ */ new Set(["==", "!=", "<", ">", "<=", ">="]);
  }
});

// src/model/interp/intrinsics.ts
function nothing(src, line) {
  return plainExpr(VOID, () => void 0, src, line, null, () => "undefined");
}
function args2(cx, e, name2, min, max = min) {
  const list2 = e.args ?? rawArgs(cx, e).map((a) => exprFromText(cx, a, e.line));
  if (list2.length < min || list2.length > max) {
    throw new CompileError(e.line, `${name2}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, ${list2.length} given`);
  }
  return list2.map((a) => compileRvalue(cx, a));
}
function rawArgs(cx, e) {
  const raw = cx.ps.restoreTypes(e.raw.text);
  if (lex(raw).length === 0) return [];
  return splitArgs(raw).map((a) => lex(a.text).map((t) => t.text).join(" "));
}
function exprFromText(cx, text, line) {
  const stmts = cx.ps.parseFragment(text, line, cx.file);
  if (stmts.length !== 1 || stmts[0].k !== "expr") throw new CompileError(line, `expected an expression, got \`${text}\``);
  return stmts[0].e;
}
function typeFromText(cx, text, line) {
  const tn = cx.ps.parseTypeText(text, line, cx.file);
  if (!tn) throw new CompileError(line, `expected a type, got \`${text}\``);
  return cx.ps.resolveType(tn.spec, tn.decl, line, cx).t;
}
function voidOf(c, act, src, line, actJs) {
  if (!c) return plainExpr(VOID, (f) => (act(f), void 0), src, line, null, (g) => `(${actJs(g)}, undefined)`);
  const js = (g) => `(${g.cond(c)} ? ${actJs(g)} : undefined, undefined)`;
  const ce = c.ev;
  if (ce) return plainExpr(VOID, (f) => (ce(f) ? act(f) : void 0, void 0), src, line, null, js);
  const cg = c.gv;
  return genExpr(VOID, function* (f) {
    if (yield* cg(f)) act(f);
    return void 0;
  }, src, line, js);
}
function bugOn(name2, nCond, gate) {
  return (cx, e) => {
    const text = cx.ps.restoreTypes(e.raw.text).replace(/\s+/g, " ").trim();
    if (gate && !cx.ps.configured(gate)) return nothing(e.src, e.line);
    const all = args2(cx, e, name2, nCond, nCond + 1);
    const cond = nCond ? condOf(cx, all[0]) : null;
    const extra = all[nCond];
    const ex = extra?.ev ?? null;
    const msg = `${name2}(${text}) hit`;
    const withValue = (f, v) => bug(f, `${msg}; ${extra.src} = ${formatValue(v)}`);
    const plain = (f) => bug(f, msg);
    const actJs = (g) => ex ? `${g.k(withValue)}(f, ${g.e(extra)})` : `${g.k(plain)}(f)`;
    return voidOf(cond, (f) => bug(f, ex ? `${msg}; ${extra.src} = ${formatValue(ex(f))}` : msg), e.src, e.line, actJs);
  };
}
function warnOn(name2, once, gate) {
  return (cx, e) => {
    const text = cx.ps.restoreTypes(e.raw.text).replace(/\s+/g, " ").trim();
    if (gate && !cx.ps.configured(gate)) return constExpr(INT, 0, e.src, e.line);
    const all = args2(cx, e, name2, 1, 99);
    const cond = condOf(cx, all[0]);
    const site = siteAt(cx.loc, `${name2}(${text})`);
    const detail = `${name2}(${text}) at ${cx.file}:${e.line}`;
    const hit = (f) => f.m.hazardAt(f.t, site, "warn", detail, once);
    const js = (g) => `(${g.cond(cond)} ? (${g.k(hit)}(f), 1) : 0)`;
    const ce = cond.ev;
    if (ce) return plainExpr(INT, (f) => ce(f) ? (hit(f), 1) : 0, e.src, e.line, null, js);
    const cg = cond.gv;
    return genExpr(INT, function* (f) {
      if (!(yield* cg(f))) return 0;
      hit(f);
      return 1;
    }, e.src, e.line, js);
  };
}
function pick(cx, a, b2, t, less, src, line) {
  const site = siteAt(cx.loc, src);
  return lift2(t, a, b2, (x, y, f) => {
    if (x === UNINIT || y === UNINIT) {
      uninitRead(f, site, x === UNINIT ? a.src : b2.src);
      return UNINIT;
    }
    if (x instanceof Ptr || y instanceof Ptr || x === null || y === null) {
      const ax = ptrToInt(x);
      const ay = ptrToInt(y);
      return (less ? ax <= ay : ax >= ay) ? x : y;
    }
    return (less ? x <= y : x >= y) ? x : y;
  }, src, line);
}
function minMax(name2, less, typed, n) {
  return (cx, e) => {
    let list2;
    let t;
    if (typed) {
      const raw = rawArgs(cx, e);
      if (raw.length !== n + 1) throw new CompileError(e.line, `${name2}() takes ${n + 1} arguments, ${raw.length} given`);
      t = typeFromText(cx, raw[0], e.line);
      list2 = raw.slice(1).map((r2) => convert(compileRvalue(cx, exprFromText(cx, r2, e.line)), t, "cast", `${name2}()`));
    } else {
      list2 = args2(cx, e, name2, n);
      t = list2[0].t;
      for (const c of list2.slice(1)) {
        if (t.k === "int" && c.t.k === "int") t = uac(t, c.t);
        else if (!sameType(t, c.t)) throw new CompileError(e.line, `${name2}() of \`${typeToString(t)}\` and \`${typeToString(c.t)}\``);
      }
      list2 = list2.map((c) => convert(c, t, "assign", `${name2}()`));
    }
    let r = pick(cx, list2[0], list2[1], t, less, e.src, e.line);
    if (n === 3) r = pick(cx, r, list2[2], t, less, e.src, e.line);
    return r;
  };
}
function clamp(typed) {
  return (cx, e) => {
    let list2;
    let t;
    if (typed) {
      const raw = rawArgs(cx, e);
      if (raw.length !== 4) throw new CompileError(e.line, `clamp_t() takes 4 arguments, ${raw.length} given`);
      t = typeFromText(cx, raw[0], e.line);
      list2 = raw.slice(1).map((r) => convert(compileRvalue(cx, exprFromText(cx, r, e.line)), t, "cast", "clamp_t()"));
    } else {
      list2 = args2(cx, e, "clamp", 3);
      t = list2[0].t;
      list2 = list2.map((c) => convert(c, t, "assign", "clamp()"));
    }
    return pick(cx, pick(cx, list2[0], list2[1], t, false, e.src, e.line), list2[2], t, true, e.src, e.line);
  };
}
function containerOf(cx, e) {
  const raw = rawArgs(cx, e);
  if (raw.length !== 3) throw new CompileError(e.line, `container_of() takes 3 arguments, ${raw.length} given`);
  const P = rvalue(compileExpr(cx, exprFromText(cx, raw[0], e.line)));
  if (P.t.k !== "ptr") throw new CompileError(e.line, `container_of() of non-pointer \`${P.src}\``);
  const T = typeFromText(cx, raw[1], e.line);
  if (T.k !== "struct") throw new CompileError(e.line, `container_of() type \`${typeToString(T)}\` is not a struct`);
  const path = raw[2].replace(/\s+/g, "").split(".");
  const o = cx.ps.types.offsetof(T.name, path);
  if (!o) throw new CompileError(e.line, `struct ${T.name} has no member \`${raw[2]}\``);
  const member2 = path.length === 1 ? path[0] : null;
  const off = BigInt(o.offset);
  const t = { k: "ptr", to: T };
  return lift1(t, P, (p, f) => {
    if (p === UNINIT) return UNINIT;
    if (p instanceof Ptr && p.byteOffset === 0 && member2) {
      const r = p.region;
      const owner = fieldOwner(r);
      if (owner && owner.field === member2 && owner.obj.structName === T.name) return owner.obj.self;
      if (r.elemType.k === "struct" && p.index >= 0 && p.index < r.length) {
        const inner = r.load(p.index, f.t);
        const c = inner?.container;
        if (c && c.field === member2 && c.obj.structName === T.name) return c.obj.self;
      }
    }
    const addr2 = BigInt.asUintN(64, ptrToInt(p) - off);
    return f.m.ptrAt(addr2, T);
  }, e.src, e.line, false);
}
function isErr(orNull) {
  return (cx, e) => {
    const [p] = args2(cx, e, orNull ? "IS_ERR_OR_NULL" : "IS_ERR", 1);
    if (p.t.k !== "ptr") throw new CompileError(e.line, `IS_ERR() of non-pointer \`${p.src}\``);
    return lift1(BOOL, p, (v) => v === null ? orNull ? 1 : 0 : v === UNINIT ? UNINIT : ptrToInt(v) >= ERR_START ? 1 : 0, e.src, e.line);
  };
}
var MAX_ERRNO, ERR_START, INTRINSICS;
var init_intrinsics = __esm({
  "src/model/interp/intrinsics.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_compile_expr();
    init_compile_ops();
    init_ctypes();
    init_lex();
    init_memory();
    init_runtime();
    MAX_ERRNO = 4095n;
    ERR_START = (1n << 64n) - MAX_ERRNO;
    INTRINSICS = {
      likely: (cx, e) => condToExpr(compileCond(cx, e.args?.[0] ?? exprFromText(cx, rawArgs(cx, e)[0] ?? "", e.line)), e.src, e.line),
      unlikely: (cx, e) => condToExpr(compileCond(cx, e.args?.[0] ?? exprFromText(cx, rawArgs(cx, e)[0] ?? "", e.line)), e.src, e.line),
      __builtin_expect: (cx, e) => args2(cx, e, "__builtin_expect", 2)[0],
      READ_ONCE: (cx, e) => ({ ...args2(cx, e, "READ_ONCE", 1)[0], src: e.src, place: null }),
      WRITE_ONCE: (cx, e) => {
        const a = e.args;
        if (!a || a.length !== 2) throw new CompileError(e.line, "WRITE_ONCE() takes 2 arguments");
        return retype(compileAssign(cx, "=", a[0], a[1], e.src, e.line), VOID);
      },
      min: minMax("min", true, false, 2),
      max: minMax("max", false, false, 2),
      min3: minMax("min3", true, false, 3),
      max3: minMax("max3", false, false, 3),
      min_t: minMax("min_t", true, true, 2),
      max_t: minMax("max_t", false, true, 2),
      clamp: clamp(false),
      clamp_t: clamp(true),
      BUG: bugOn("BUG", 0, null),
      BUG_ON: bugOn("BUG_ON", 1, null),
      VM_BUG_ON: bugOn("VM_BUG_ON", 1, "CONFIG_DEBUG_VM"),
      VM_BUG_ON_PAGE: bugOn("VM_BUG_ON_PAGE", 1, "CONFIG_DEBUG_VM"),
      VM_BUG_ON_FOLIO: bugOn("VM_BUG_ON_FOLIO", 1, "CONFIG_DEBUG_VM"),
      VM_BUG_ON_VMA: bugOn("VM_BUG_ON_VMA", 1, "CONFIG_DEBUG_VM"),
      VM_BUG_ON_MM: bugOn("VM_BUG_ON_MM", 1, "CONFIG_DEBUG_VM"),
      VM_BUG_ON_PGFLAGS: bugOn("VM_BUG_ON_PGFLAGS", 1, "CONFIG_DEBUG_VM_PGFLAGS"),
      WARN_ON: warnOn("WARN_ON", false, null),
      WARN_ON_ONCE: warnOn("WARN_ON_ONCE", true, null),
      WARN: warnOn("WARN", false, null),
      WARN_ONCE: warnOn("WARN_ONCE", true, null),
      VM_WARN_ON: warnOn("VM_WARN_ON", false, "CONFIG_DEBUG_VM"),
      VM_WARN_ON_ONCE: warnOn("VM_WARN_ON_ONCE", true, "CONFIG_DEBUG_VM"),
      VM_WARN_ONCE: warnOn("VM_WARN_ONCE", true, "CONFIG_DEBUG_VM"),
      VM_WARN_ON_ONCE_PAGE: warnOn("VM_WARN_ON_ONCE_PAGE", true, "CONFIG_DEBUG_VM"),
      BUILD_BUG_ON: (_cx, e) => nothing(e.src, e.line),
      BUILD_BUG_ON_INVALID: (_cx, e) => nothing(e.src, e.line),
      VM_WARN_ON_FOLIO: warnOn("VM_WARN_ON_FOLIO", false, "CONFIG_DEBUG_VM"),
      VM_WARN_ON_ONCE_FOLIO: warnOn("VM_WARN_ON_ONCE_FOLIO", true, "CONFIG_DEBUG_VM"),
      container_of: containerOf,
      ARRAY_SIZE: (cx, e) => {
        const a = e.args?.[0];
        if (!a || e.args.length !== 1) throw new CompileError(e.line, "ARRAY_SIZE() takes 1 argument");
        const c = compileExpr(cx, a);
        if (c.t.k !== "array") throw new CompileError(e.line, `ARRAY_SIZE() of non-array \`${c.src}\` (\`${typeToString(c.t)}\`)`);
        return constExpr(SIZE_T, BigInt(c.t.len), e.src, e.line);
      },
      IS_ERR: isErr(false),
      IS_ERR_OR_NULL: isErr(true),
      PTR_ERR: (cx, e) => {
        const [p] = args2(cx, e, "PTR_ERR", 1);
        return lift1(LONG, p, (v) => v === UNINIT ? UNINIT : BigInt.asIntN(64, ptrToInt(v)), e.src, e.line);
      },
      ERR_PTR: (cx, e) => {
        const [x] = args2(cx, e, "ERR_PTR", 1);
        const v = convert(x, LONG, "assign", "ERR_PTR()");
        return lift1(VOID_PTR, v, (n, f) => n === UNINIT ? UNINIT : n === 0n ? null : f.m.ptrAt(BigInt.asUintN(64, n), VOID), e.src, e.line, false);
      },
      ERR_CAST: (cx, e) => retype(args2(cx, e, "ERR_CAST", 1)[0], VOID_PTR),
      IS_ENABLED: (cx, e) => constExpr(INT, cx.ps.configured(rawArgs(cx, e)[0] ?? "") ? 1 : 0, e.src, e.line)
    };
  }
});

// src/model/interp/compile-call.ts
function compileCall(cx, e) {
  const callee = e.callee;
  const discard = cx.discardedCall === e;
  if (discard) cx.discardedCall = null;
  if (callee.k === "paren" && callee.arg.k === "ident" && cx.isTypeName(callee.arg.name) && e.args?.length === 1) {
    const t = cx.ps.types.typedefs.get(callee.arg.name);
    return compileCast(cx, t, e.args[0], e.src, e.line);
  }
  if (callee.k === "ident") {
    const name2 = callee.name;
    const shadowed = cx.lookup(name2) !== void 0;
    const intrinsic = INTRINSICS[name2];
    if (intrinsic && !shadowed && !cx.ps.builtin(name2)) return intrinsic(cx, e);
    const mac = cx.ps.macros.get(name2);
    if (mac && mac.params !== null && !cx.expanding.includes(name2)) return expandMacroExpr(cx, mac, e);
    if (!shadowed && !cx.ps.global(name2, cx.file) && !(mac && mac.params === null && !cx.expanding.includes(name2))) {
      const fn = cx.ps.lookupFunction(name2, cx.file);
      if (fn) return callModel(cx, fn, argsOf(cx, e, name2), e, discard);
      const b2 = cx.ps.builtin(name2);
      if (b2) return callBuiltin(cx, b2, argsOf(cx, e, name2), e);
      return unresolvedCall(cx, name2, cx.ps.prototype(name2), e);
    }
  }
  const C2 = rvalue(compileExpr(cx, callee));
  if (isUnresolved(C2.t)) return retype(C2, UNRESOLVED);
  const args3 = argsOf(cx, e, C2.src);
  const tgt = C2.target;
  if (tgt?.kind === "model") return callModel(cx, tgt.fn, args3, e, discard);
  if (tgt?.kind === "builtin") return callBuiltin(cx, tgt, args3, e);
  if (tgt?.kind === "missing") return unresolvedCall(cx, tgt.name, C2.t.k === "ptr" && C2.t.to.k === "func" ? C2.t.to : void 0, e);
  if (C2.t.k !== "ptr" || C2.t.to.k !== "func") throw new CompileError(e.line, `called object \`${C2.src}\` is not a function (\`${typeToString(C2.t)}\`)`);
  return callPointer(cx, C2, C2.t.to, args3, e, discard);
}
function argsOf(cx, e, name2) {
  if (!e.args) throw new CompileError(e.line, `cannot parse the arguments of ${name2}(${e.raw.text.replace(/\s+/g, " ").trim()})`);
  return e.args.map((a) => compileRvalue(cx, a));
}
function convertArgs(ft, args3, name2, line) {
  const n = ft.params.length;
  if (args3.length < n || !ft.variadic && args3.length > n) {
    throw new CompileError(line, `${name2}() takes ${n}${ft.variadic ? " or more" : ""} argument${n === 1 ? "" : "s"}, ${args3.length} given`, void 0, name2);
  }
  return args3.map((a, i2) => i2 < n ? convert(a, ft.params[i2], "arg", `argument ${i2 + 1} of ${name2}()`) : a);
}
function argsJs(g, conv) {
  let set = "";
  const names = [];
  for (const c of conv) {
    const x = g.tmp();
    set += `${x} = ${g.e(c)}, `;
    names.push(x);
  }
  return { set, names };
}
function callModel(cx, fn, args3, e, discard) {
  cx.callees.add(fn);
  const ft = fn.type;
  const conv = convertArgs(ft, args3, fn.name, e.line);
  const all = evalAll(conv);
  const fill = all.ev;
  const js = (g) => {
    const n = g.tmp();
    const r = g.tmp();
    const k = g.k(fn);
    let out2 = `(${n} = new Frame(${k}, f.t), ${discard ? `${n}.discard = true, ` : ""}`;
    conv.forEach((c, i2) => out2 += `${n}.v[${i2}] = ${g.e(c)}, `);
    const run2 = fn.run !== null ? `${k}.run(${n})` : `(yield* ${k}.runGen(${n}))`;
    return out2 + `pushFrame(${n}), ${r} = ${run2}, popFrame(${n}, ${r}), ${r})`;
  };
  if (fill && !fn.mayBlock && !cx.ps.forceGen) {
    const ev = conv.map((c) => c.ev);
    const [a0, a1, a2] = ev;
    const n = ev.length;
    const put = n === 0 ? () => void 0 : n === 1 ? (f, v) => {
      v[0] = a0(f);
    } : n === 2 ? (f, v) => {
      v[0] = a0(f);
      v[1] = a1(f);
    } : n === 3 ? (f, v) => {
      v[0] = a0(f);
      v[1] = a1(f);
      v[2] = a2(f);
    } : fill;
    return plainExpr(ft.ret, (f) => {
      const nf = new Frame(fn, f.t);
      nf.discard = discard;
      put(f, nf.v);
      pushFrame(nf);
      const r = fn.run(nf);
      popFrame(nf, r);
      return r;
    }, e.src, e.line, null, js);
  }
  const fillG = all.gv;
  return genExpr(ft.ret, function* (f) {
    const nf = new Frame(fn, f.t);
    nf.discard = discard;
    if (fill) fill(f, nf.v);
    else yield* fillG(f, nf.v);
    pushFrame(nf);
    const r = fn.run !== null ? fn.run(nf) : yield* fn.runGen(nf);
    popFrame(nf, r);
    return r;
  }, e.src, e.line, js);
}
function callBuiltin(cx, b2, args3, e) {
  const ft = b2.type;
  const conv = convertArgs(ft, args3, b2.name, e.line);
  const n = conv.length;
  const all = evalAll(conv);
  const fill = all.ev;
  if (fill && !b2.blocking && !cx.ps.forceGen) {
    const general = (f) => {
      const vals = new Array(n);
      fill(f, vals);
      return callBuiltinPlain(f.t, b2, vals);
    };
    const fn = b2.b.fn;
    const check = b2.checkRet;
    const ev = conv.map((c) => c.ev);
    const [a0, a1, a2] = ev;
    let fast = null;
    if (n === 0) fast = (f) => f.m.builtinHooked ? general(f) : check(fn(f.t), f.t);
    else if (n === 1) fast = (f) => f.m.builtinHooked ? general(f) : check(fn(f.t, a0(f)), f.t);
    else if (n === 2) fast = (f) => f.m.builtinHooked ? general(f) : check(fn(f.t, a0(f), a1(f)), f.t);
    else if (n === 3) fast = (f) => f.m.builtinHooked ? general(f) : check(fn(f.t, a0(f), a1(f), a2(f)), f.t);
    const js2 = (g) => {
      const a = argsJs(g, conv);
      const list2 = a.names.join(", ");
      const kb = g.k(b2);
      const direct = `${g.k(check)}(${g.k(fn)}(f.t${a.names.map((x) => `, ${x}`).join("")}), f.t)`;
      if (fast === null) return `(${a.set}callBuiltinPlain(f.t, ${kb}, [${list2}]))`;
      return `(${a.set}m.builtinHooked ? callBuiltinPlain(f.t, ${kb}, [${list2}]) : ${direct})`;
    };
    return plainExpr(ft.ret, fast ?? general, e.src, e.line, null, js2);
  }
  const fillG = all.gv;
  const js = (g) => {
    const a = argsJs(g, conv);
    const r = g.tmp();
    const direct = `${r} = ${g.k(b2.b.fn)}(f.t${a.names.map((x) => `, ${x}`).join("")}), isIterator(${r}) ? (${r} = yield* ${r}) : 0, ${g.k(b2.checkRet)}(${r}, f.t)`;
    return `(${a.set}m.builtinHooked ? (yield* callBuiltinGen(f.t, ${g.k(b2)}, [${a.names.join(", ")}])) : (${direct}))`;
  };
  return genExpr(ft.ret, function* (f) {
    const vals = new Array(n);
    if (fill) fill(f, vals);
    else yield* fillG(f, vals);
    return yield* callBuiltinGen(f.t, b2, vals);
  }, e.src, e.line, js);
}
function callPointer(cx, C2, ft, args3, e, discard) {
  cx.callsPointer = true;
  const conv = convertArgs(ft, args3, `(*${C2.src})`, e.line);
  const n = conv.length;
  const all = evalAll(conv);
  const what = C2.src;
  const ce = C2.ev;
  const cg = C2.gv;
  const fill = all.ev;
  const fillG = all.gv;
  const js = (g) => {
    const tg = g.tmp();
    const fn = g.tmp();
    const n2 = g.tmp();
    const r = g.tmp();
    const a = argsJs(g, conv);
    const fill2 = a.names.map((x, i2) => `${i2} < ${fn}.type.params.length ? ${n2}.v[${i2}] = ${x} : 0, `).join("");
    const model = `${fn} = ${tg}.fn, ${n2} = new Frame(${fn}, f.t), ${discard ? `${n2}.discard = true, ` : ""}${fill2}pushFrame(${n2}), ${r} = ${fn}.run !== null ? ${fn}.run(${n2}) : (yield* ${fn}.runGen(${n2})), popFrame(${n2}, ${r}), ${r}`;
    return `(${tg} = targetOf(f, ${g.e(C2)}, ${g.k(what)}), ${a.set}${tg}.kind === 'model' ? (${model}) : (yield* invokeTarget(f.t, ${tg}, [${a.names.join(", ")}], ${discard})))`;
  };
  return genExpr(ft.ret, function* (f) {
    const p = ce ? ce(f) : yield* cg(f);
    const tgt = targetOf(f, p, what);
    const vals = new Array(n);
    if (fill) fill(f, vals);
    else yield* fillG(f, vals);
    return yield* invokeTarget(f.t, tgt, vals, discard);
  }, e.src, e.line, js);
}
function unresolvedCall(cx, name2, proto, e) {
  if (e.args) for (const a of e.args) compileRvalue(cx, a);
  cx.unresolved.push({ name: name2, line: e.line });
  const msg = `${cx.fnName}() calls \`${name2}()\`, which the model does not have (${cx.file}:${e.line})`;
  return plainExpr(proto?.k === "func" ? proto.ret : UNRESOLVED, (f) => f.t.notModelled(msg), e.src, e.line, null, (g) => `f.t.notModelled(${g.k(msg)})`);
}
function inExpansion(cx, mac, run2) {
  cx.expanding.push(mac.name);
  try {
    return run2();
  } catch (err2) {
    if (err2 instanceof CompileError && !err2.message.includes("(in expansion of macro")) {
      err2.message += ` (in expansion of macro ${mac.name} from ${mac.file}:${mac.line})`;
    }
    throw err2;
  } finally {
    cx.expanding.pop();
  }
}
function macroArgs(cx, raw0) {
  const raw = cx.ps.restoreTypes(raw0);
  if (lex(raw).length === 0) return [];
  return splitArgs(raw).map((a) => lex(a.text).map((t) => t.text).join(" "));
}
function expansionOf(cx, mac, e) {
  const args3 = macroArgs(cx, e.raw.text);
  const n = mac.params.length;
  const ok = mac.variadic ? args3.length >= n - 1 : args3.length === n || n === 0 && args3.length === 0;
  if (!ok) throw new CompileError(e.line, `macro ${mac.name} takes ${n} argument${n === 1 ? "" : "s"}, ${args3.length} given`, void 0, mac.name);
  return cx.ps.parseFragment(expandFunctionMacro(mac, args3), e.line, cx.file);
}
function expandMacroExpr(cx, mac, e) {
  return inExpansion(cx, mac, () => {
    const stmts = expansionOf(cx, mac, e);
    if (stmts.length === 1 && stmts[0].k === "expr") return { ...compileExpr(cx, stmts[0].e), src: e.src, line: e.line };
    throw new CompileError(e.line, `macro ${mac.name} expands to statements and is used as a value`);
  });
}
function expandObjectMacro(cx, mac, src, line) {
  return inExpansion(cx, mac, () => {
    if (mac.body.trim() === "") throw new CompileError(line, `macro ${mac.name} expands to nothing and is used as a value`);
    const stmts = cx.ps.parseFragment(mac.body, line, cx.file);
    if (stmts.length === 1 && stmts[0].k === "expr") return { ...compileExpr(cx, stmts[0].e), src, line };
    throw new CompileError(line, `macro ${mac.name} does not expand to an expression`);
  });
}
function macroStatements(cx, e, compile) {
  if (e.k !== "call" || e.callee.k !== "ident") return null;
  const name2 = e.callee.name;
  if (cx.lookup(name2)) return null;
  if (INTRINSICS[name2] && !cx.ps.builtin(name2)) return null;
  const mac = cx.ps.macros.get(name2);
  if (!mac || mac.params === null || cx.expanding.includes(name2)) return null;
  return inExpansion(cx, mac, () => {
    const stmts = expansionOf(cx, mac, e);
    if (stmts.length === 1 && stmts[0].k === "expr") return null;
    return compile(stmts);
  });
}
function macroLoop(cx, marker, body2, compile) {
  const use = cx.ps.loopUse(marker);
  if (!use) return null;
  const mac = use.def;
  return inExpansion(cx, mac, () => {
    const args3 = macroArgs(cx, use.args);
    const text = `${expandFunctionMacro(mac, args3)} __lkml_body();`;
    const stmts = cx.ps.parseFragment(text, use.line, cx.file);
    if (stmts.length !== 1) throw new CompileError(use.line, `macro ${mac.name} does not expand to one statement header`);
    let placed = 0;
    const put = (s) => {
      switch (s.k) {
        case "expr":
          if (s.e.k === "call" && s.e.callee.k === "ident" && s.e.callee.name === "__lkml_body") {
            placed++;
            return body2;
          }
          return s;
        case "if":
          return { ...s, then: put(s.then), else: s.else ? put(s.else) : null };
        case "while":
        case "do":
        case "for":
        case "switch":
          return { ...s, body: put(s.body) };
        case "label":
          return { ...s, body: put(s.body) };
        case "block":
          return { ...s, body: s.body.map(put) };
        default:
          return s;
      }
    };
    const stmt = put(stmts[0]);
    if (placed !== 1) throw new CompileError(use.line, `macro ${mac.name} does not take a loop body`);
    return compile(stmt);
  });
}
var init_compile_call = __esm({
  "src/model/interp/compile-call.ts"() {
    "use strict";
    init_cexpr();
    init_compile_expr();
    init_compile_ops();
    init_ctypes();
    init_intrinsics();
    init_lex();
    init_preprocess();
    init_runtime();
  }
});

// src/model/interp/compile-init.ts
function compileInitFiller(cx, t, init2, _line) {
  if (init2.k === "expr") {
    const src = compileRvalue(cx, init2.e);
    if (t.k === "array" && init2.e.k === "str") return stringInto(init2.e.value);
    return copyInto(convert(src, t, "init", `initialiser of \`${typeToString(t)}\``));
  }
  const setters = listSetters(cx, t, init2);
  const zero = (o) => {
    if (o instanceof LocalStruct) o.fill("zero");
    else if (o instanceof ArrayRegion) fillArray(o, cx.ps.types, "zero");
  };
  return sequence(zero, setters);
}
function sequence(first, setters) {
  const js = (g, o) => `${g.k(first)}(${o});
` + setters.map((s) => s.js(g, o)).join("");
  if (setters.every((s) => s.gv === null)) {
    const evs = setters.map((s) => s.ev);
    return { ev: (o, f) => {
      first(o);
      for (const s of evs) s(o, f);
    }, gv: null, js };
  }
  return {
    js,
    ev: null,
    gv: function* (o, f) {
      first(o);
      for (const s of setters) {
        if (s.gv) yield* s.gv(o, f);
        else s.ev(o, f);
      }
    }
  };
}
function copyInto(c) {
  const e = c.ev;
  const js = (gen, o) => `${gen.k(assignWhole)}(${o}, ${gen.e(c)}, f);
`;
  if (e) return { ev: (o, f) => assignWhole(o, e(f), f), gv: null, js };
  const g = c.gv;
  return { ev: null, gv: function* (o, f) {
    assignWhole(o, yield* g(f), f);
  }, js };
}
function assignWhole(o, v, f) {
  if (o instanceof LocalStruct) o.copyFrom(v, f.t);
  else if (o instanceof ArrayRegion && v instanceof Ptr) {
    for (let i2 = 0; i2 < o.vals.length; i2++) o.store(i2, v.region.load(v.index + i2, f.t), f.t);
  }
}
function stringInto(s) {
  const ev = (o) => {
    const r = o;
    for (let i2 = 0; i2 < r.vals.length; i2++) r.vals[i2] = i2 < s.length ? s.charCodeAt(i2) : 0;
  };
  return { ev, gv: null, js: (g, o) => `${g.k(ev)}(${o});
` };
}
function listSetters(cx, t, init2) {
  const out2 = [];
  let next = 0;
  for (const item of init2.items) {
    let designators = item.designators;
    if (designators.length === 0) {
      if (t.k === "struct") {
        const layout = cx.ps.types.layoutOf(t.name);
        const f = layout.fields[next];
        if (!f) throw new CompileError(init2.line, `too many initialisers for struct ${t.name}`);
        designators = [{ k: "field", name: f.name }];
      } else if (t.k === "array") {
        designators = [{ k: "index", index: { k: "num", text: String(next), line: init2.line, src: String(next) } }];
      } else {
        if (init2.items.length !== 1 || item.value.k !== "expr") throw new CompileError(init2.line, `braced initialiser for scalar \`${typeToString(t)}\``);
        throw new CompileError(init2.line, "scalar initialiser in braces inside an aggregate is not supported");
      }
    }
    const { setter, position } = designated(cx, t, designators, item.value, init2.line);
    out2.push(setter);
    next = position + 1;
  }
  return out2;
}
function designated(cx, t, ds, value, line) {
  const d = ds[0];
  const rest = ds.slice(1);
  if (t.k === "struct") {
    if (d.k !== "field") throw new CompileError(line, `array designator in struct ${t.name} initialiser`);
    const layout = cx.ps.types.layoutOf(t.name);
    const fi = layout.byName.get(d.name);
    if (!fi) throw new CompileError(line, `struct ${t.name} has no field \`${d.name}\``, { kind: "field", name: d.name, struct: t.name });
    const idx = fi.index;
    const sub = member(cx, fi.t, rest, value, line, `.${d.name}`);
    return { setter: at(sub, (o) => o.vals[idx], (o, v) => o.vals[idx] = v), position: idx };
  }
  if (t.k === "array") {
    if (d.k !== "index") throw new CompileError(line, `field designator in array initialiser`);
    const { v } = constValue(cx, d.index, "array designator");
    const i2 = Number(v);
    if (i2 < 0 || i2 >= t.len) throw new CompileError(line, `array index ${i2} out of bounds in initialiser`);
    const sub = member(cx, t.of, rest, value, line, `[${i2}]`);
    return { setter: at(sub, (o) => o.vals[i2], (o, v2) => o.vals[i2] = v2), position: i2 };
  }
  throw new CompileError(line, `designator on non-aggregate \`${typeToString(t)}\``);
}
function member(cx, t, rest, value, line, what) {
  if (rest.length > 0) {
    const { setter } = designated(cx, t, rest, value, line);
    return { kind: "nested", filler: setter };
  }
  if (t.k === "struct" || t.k === "array") {
    if (value.k === "list") return { kind: "nested", filler: sequence(() => void 0, listSetters(cx, t, value)) };
    if (t.k === "array" && value.e.k === "str") return { kind: "nested", filler: stringInto(value.e.value) };
    return { kind: "nested", filler: copyInto(convert(compileRvalue(cx, value.e), t, "init", `initialiser of ${what}`)) };
  }
  let e = value;
  while (e.k === "list") {
    if (e.items.length !== 1) throw new CompileError(line, `braced initialiser for scalar ${what}`);
    e = e.items[0].value;
  }
  return { kind: "value", c: convert(compileRvalue(cx, e.e), t, "init", `initialiser of ${what}`) };
}
function at(m, get, set) {
  if (m.kind === "nested") {
    const fe = m.filler.ev;
    const fg = m.filler.gv;
    const sub = m.filler;
    const js2 = (g2, o) => sub.js(g2, `${g2.k(get)}(${o})`);
    if (fe) return { ev: (o, f) => fe(get(o), f), gv: null, js: js2 };
    return { ev: null, gv: function* (o, f) {
      yield* fg(get(o), f);
    }, js: js2 };
  }
  const c = m.c;
  const js = (g2, o) => `${g2.k(set)}(${o}, ${g2.e(c)});
`;
  const e = m.c.ev;
  if (e) return { ev: (o, f) => set(o, e(f)), gv: null, js };
  const g = m.c.gv;
  return { ev: null, gv: function* (o, f) {
    set(o, yield* g(f));
  }, js };
}
var init_compile_init = __esm({
  "src/model/interp/compile-init.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_compile_expr();
    init_ctypes();
    init_memory();
  }
});

// src/model/interp/fn-context.ts
var NeedCell, FnCx;
var init_fn_context = __esm({
  "src/model/interp/fn-context.ts"() {
    "use strict";
    init_memory();
    init_cexpr();
    NeedCell = class {
      constructor(name2) {
        this.name = name2;
      }
      name;
    };
    FnCx = class {
      constructor(ps, file, fnName, cells, code, returnType = { k: "void" }) {
        this.ps = ps;
        this.file = file;
        this.fnName = fnName;
        this.cells = cells;
        this.code = code;
        this.returnType = returnType;
        this.loc = this.locAt(0);
      }
      ps;
      file;
      fnName;
      cells;
      code;
      returnType;
      scopes = [/* @__PURE__ */ new Map()];
      nSlots = 0;
      localNames = [];
      ownedSlots = [];
      owned = [];
      /** Every label of the function (to tell "unknown label" from "label in a nested block"). */
      allLabels = /* @__PURE__ */ new Set();
      frameBytes = 0;
      loc;
      /** Macro names being expanded (a macro does not expand inside its own expansion). */
      expanding = [];
      /** Labels directly inside each enclosing block, innermost last. */
      blockLabels = [];
      loopDepth = 0;
      breakDepth = 0;
      callees = /* @__PURE__ */ new Set();
      /** Calls through a function pointer were compiled (those may block). */
      callsPointer = false;
      /** The call expression of the expression statement being compiled: its value is discarded. */
      discardedCall = null;
      unresolved = [];
      errors = [];
      locCache = /* @__PURE__ */ new Map();
      locAt(line) {
        let l = this.locCache.get(line);
        if (!l) this.locCache.set(line, l = { file: this.file, line, function: this.fnName });
        return l;
      }
      pushScope() {
        this.scopes.push(/* @__PURE__ */ new Map());
      }
      popScope() {
        this.scopes.pop();
      }
      lookup(name2) {
        for (let i2 = this.scopes.length - 1; i2 >= 0; i2--) {
          const l = this.scopes[i2].get(name2);
          if (l) return l;
        }
        return void 0;
      }
      /** Is `name` a typedef here (not shadowed by a variable)? */
      isTypeName(name2) {
        return this.ps.types.typedefs.has(name2) && !this.lookup(name2);
      }
      declare(name2, t, line, forceKind) {
        const top = this.scopes[this.scopes.length - 1];
        if (top.has(name2)) throw new CompileError(line, `redeclaration of \`${name2}\``);
        if (t.k === "void") throw new CompileError(line, `variable \`${name2}\` declared void`);
        if (t.k === "func") throw new CompileError(line, `local function declaration \`${name2}\` is not supported`);
        const owned = t.k === "struct" || t.k === "array";
        const kind = forceKind ?? (owned ? "owned" : this.cells.has(name2) ? "cell" : "plain");
        if (t.k === "struct" && !this.ps.types.layoutOf(t.name)?.complete) {
          throw new CompileError(line, `variable \`${name2}\` has incomplete type struct ${t.name}`);
        }
        const slot = this.nSlots++;
        this.localNames[slot] = name2;
        let off = 0;
        if (kind !== "plain") {
          off = this.frameBytes;
          this.frameBytes += storageBytes(t, this.ps.types);
          this.ownedSlots.push(slot);
        }
        const l = { name: name2, t, slot, kind, off };
        if (kind !== "plain") this.owned.push(l);
        top.set(name2, l);
        return l;
      }
      /** Locals that need frame storage (structs, arrays, address-taken scalars), params included. */
      ownedLocals() {
        return this.owned;
      }
      error(line, message) {
        throw new CompileError(line, message);
      }
    };
  }
});

// src/model/interp/compile-expr.ts
function rvalue(c) {
  if (c.t.k === "array") return { ...c, t: { k: "ptr", to: c.t.of }, place: null };
  if (c.t.k === "func") return { ...c, t: { k: "ptr", to: c.t }, place: null, target: c.target };
  return c;
}
function compileRvalue(cx, e) {
  return rvalue(compileExpr(cx, e));
}
function constValue(cx, e, what) {
  const c = compileRvalue(cx, e);
  if (!c.konst) throw new CompileError(e.line, `${what} is not a constant expression: \`${e.src}\``);
  return { v: c.kv, t: c.t };
}
function compileExpr(cx, e) {
  switch (e.k) {
    case "num":
      return numberLiteral(e.text, e.src, e.line);
    case "char":
      return constExpr(INT, e.value, e.src, e.line);
    case "bool":
      return constExpr(INT, e.value ? 1 : 0, e.src, e.line);
    case "null":
      return constExpr({ k: "ptr", to: VOID }, null, e.src, e.line);
    case "str":
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(e.value), e.src, e.line);
    case "ident":
      return compileIdent(cx, e.name, e.src, e.line);
    case "paren": {
      const c = compileExpr(cx, e.arg);
      return { ...c, src: e.src };
    }
    case "bad":
      throw new CompileError(e.line, e.message);
    case "unary":
      return compileUnary(cx, e.op, e.arg, e.src, e.line);
    case "binary":
      return compileBinary(cx, e);
    case "assign":
      return compileAssign(cx, e.op, e.left, e.right, e.src, e.line);
    case "update":
      return compileUpdate(cx, e.op, e.prefix, e.arg, e.src, e.line);
    case "call":
      return compileCall(cx, e);
    case "field":
      return compileField(cx, compileExpr(cx, e.obj), e.field, e.arrow, e.src, e.line);
    case "index":
      return compileIndex(cx, e.obj, e.index, e.src, e.line);
    case "deref":
      return compileDeref(cx, compileRvalue(cx, e.arg), e.src, e.line);
    case "addr":
      return compileAddr(cx, e.arg, e.src, e.line);
    case "cast": {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return compileCast(cx, t, e.arg, e.src, e.line);
    }
    case "cond":
      return compileConditional(cx, e.test, e.then, e.else, e.src, e.line);
    case "comma":
      return lift2Seq(compileRvalue(cx, e.left), compileRvalue(cx, e.right), e.src, e.line);
    case "sizeofType": {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return sizeofConst(cx, t, e.src, e.line);
    }
    case "sizeofExpr": {
      const a = e.arg.k === "paren" ? e.arg.arg : e.arg;
      if (a.k === "ident" && cx.isTypeName(a.name)) return sizeofConst(cx, cx.ps.types.typedefs.get(a.name), e.src, e.line);
      return sizeofConst(cx, compileExpr(cx, e.arg).t, e.src, e.line);
    }
    case "offsetof": {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      if (t.k !== "struct") throw new CompileError(e.line, `offsetof on non-struct \`${typeToString(t)}\``);
      const o = cx.ps.types.offsetof(t.name, e.field.split("."));
      if (!o) throw new CompileError(e.line, `struct ${t.name} has no field \`${e.field}\``, { kind: "field", name: e.field, struct: t.name });
      return constExpr(SIZE_T, BigInt(o.offset), e.src, e.line);
    }
    case "compoundLit": {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return compileCompoundLiteral(cx, t, e);
    }
    case "stmtExpr":
      return compileStmtExpr(cx, e.body, e.src, e.line);
  }
}
function lift2Seq(l, r, src, line) {
  const el = l.ev;
  const er = r.ev;
  const js = (g) => `(${g.e(l)}, ${g.e(r)})`;
  if (el && er) return plainExpr(r.t, (f) => (el(f), er(f)), src, line, null, js);
  const gl = l.gv;
  const gr = r.gv;
  return genExpr(r.t, function* (f) {
    if (gl) yield* gl(f);
    else el(f);
    return gr ? yield* gr(f) : er(f);
  }, src, line, js);
}
function placeBaseJs(g, p) {
  if (p.jsBase) return p.jsBase(g);
  if (p.base) {
    g.fallbacks++;
    return `${g.k(p.base)}(f)`;
  }
  if (p.baseG) {
    g.fallbacks++;
    return `(yield* ${g.k(p.baseG)}(f))`;
  }
  return "f";
}
function placeLoadJs(g, p, h) {
  return p.jsLoad ? p.jsLoad(g, h) : `${g.k(p.load)}(${h}, f)`;
}
function placeStoreJs(g, p, h, v) {
  return p.jsStore ? p.jsStore(g, h, v) : `${g.k(p.store)}(${h}, ${v}, f)`;
}
function numberLiteral(text, src, line) {
  if (text.startsWith("-") || text.startsWith("+")) {
    const mag = numberLiteral(text.slice(1).trim(), src, line);
    if (text.startsWith("+")) return mag;
    const t2 = mag.t;
    const v2 = mag.kv;
    const neg = typeof v2 === "bigint" ? t2.signed ? BigInt.asIntN(64, -v2) : BigInt.asUintN(64, -v2) : t2.signed ? -v2 | 0 : -v2 >>> 0;
    return constExpr(t2, neg, src, line);
  }
  const lit = parseIntLiteral(text);
  if (!lit) throw new CompileError(line, `unsupported number literal \`${text}\` (floating point is not part of the subset)`);
  const t = lit.long ? { k: "int", bits: 64, signed: !lit.unsigned, name: lit.unsigned ? "unsigned long" : "long" } : lit.unsigned ? { k: "int", bits: 32, signed: false, name: "unsigned int" } : INT;
  const v = lit.long ? lit.unsigned ? BigInt.asUintN(64, lit.value) : BigInt.asIntN(64, lit.value) : Number(lit.value);
  return constExpr(t, v, src, line);
}
function sizeofConst(cx, t, src, line) {
  const s = cx.ps.types.sizeof(t);
  if (s === null) throw new CompileError(line, `sizeof incomplete type \`${typeToString(t)}\``);
  return constExpr(SIZE_T, BigInt(s), src, line);
}
function compileIdent(cx, name2, src, line) {
  switch (name2) {
    case "__func__":
    case "__FUNCTION__":
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(cx.fnName), src, line);
    case "__FILE__":
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(cx.file), src, line);
    case "__LINE__":
      return constExpr(INT, line, src, line);
  }
  const mac = cx.ps.macros.get(name2);
  if (mac && mac.params === null && !cx.expanding.includes(name2)) return expandObjectMacro(cx, mac, src, line);
  const local = cx.lookup(name2);
  if (local) return localExpr(local, src, line);
  const en = cx.ps.types.enumConsts.get(name2);
  if (en) return constExpr(en.t, en.value, src, line);
  const g = cx.ps.global(name2, cx.file);
  if (g) return globalExpr(cx, g.index, g.t, name2, src, line);
  const fn = cx.ps.lookupFunction(name2, cx.file);
  if (fn) {
    const c = constExpr(fn.type, new Ptr(fn.region, 0), src, line);
    c.target = { kind: "model", fn };
    return c;
  }
  const b2 = cx.ps.builtin(name2);
  if (b2) {
    const c = constExpr(b2.type, new Ptr(b2.region, 0), src, line);
    c.target = b2;
    return c;
  }
  const proto = cx.ps.prototype(name2);
  if (proto) {
    const m = cx.ps.missing(name2, proto);
    const c = constExpr(proto, new Ptr(m.region, 0), src, line);
    c.target = m;
    return c;
  }
  if (cx.ps.types.typedefs.has(name2)) throw new CompileError(line, `type name \`${name2}\` used as a value in \`${src}\``);
  throw new CompileError(line, `unknown identifier \`${name2}\``, { kind: "identifier", name: name2 });
}
function localExpr(l, src, line) {
  const s = l.slot;
  const t = l.t;
  if (l.kind === "plain") {
    const place = {
      base: null,
      baseG: null,
      load: (h) => h.v[s],
      store: (h, v) => {
        h.v[s] = v;
      },
      addr: null,
      localSlot: s,
      localName: l.name,
      jsLoad: (g) => g.local(s),
      jsStore: (g, _h, v) => `(${g.local(s)} = ${v})`
    };
    return plainExpr(t, (f) => f.v[s], src, line, place, (g) => g.local(s));
  }
  if (l.kind === "cell") {
    const place = {
      base: (f) => f.v[s],
      baseG: null,
      load: (h) => h.value,
      store: (h, v) => {
        h.value = v;
      },
      addr: (h) => new Ptr(h, 0),
      jsBase: () => `f.v[${s}]`,
      jsLoad: (_g, h) => `${h}.value`,
      jsStore: (_g, h, v) => `(${h}.value = ${v})`
    };
    return plainExpr(t, (f) => f.v[s].value, src, line, place, () => `f.v[${s}].value`);
  }
  return ownedExpr(t, (f) => f.v[s], src, line, `f.v[${s}]`);
}
function ownedExpr(t, get, src, line, getJs) {
  if (t.k === "array") {
    const place2 = {
      base: (f) => get(f),
      baseG: null,
      load: (h) => new Ptr(h, 0),
      store: (_h, _v, f) => f.t.bug(`assignment to array ${src}`),
      addr: (h) => new Ptr(h, 0),
      jsBase: () => getJs,
      jsLoad: (_g, h) => `new Ptr(${h}, 0)`
    };
    return plainExpr(t, (f) => new Ptr(get(f), 0), src, line, place2, () => `new Ptr(${getJs}, 0)`);
  }
  const place = {
    base: (f) => get(f),
    baseG: null,
    load: (h) => h,
    store: (h, v, f) => h.copyFrom(v, f.t),
    addr: (h) => h.self,
    jsBase: () => getJs,
    jsLoad: (_g, h) => h
  };
  return plainExpr(t, (f) => get(f), src, line, place, () => getJs);
}
function globalExpr(_cx, index, t, _name, src, line) {
  if (t.k === "struct" || t.k === "array") return ownedExpr(t, (f) => f.m.globals[index], src, line, `m.globals[${index}]`);
  const place = {
    base: (f) => f.m.globals[index],
    baseG: null,
    load: (h) => h.value,
    store: (h, v) => {
      h.value = v;
    },
    addr: (h) => new Ptr(h, 0),
    jsBase: () => `m.globals[${index}]`,
    jsLoad: (_g, h) => `${h}.value`,
    jsStore: (_g, h, v) => `(${h}.value = ${v})`
  };
  return plainExpr(t, (f) => f.m.globals[index].value, src, line, place, () => `m.globals[${index}].value`);
}
function compileUnary(cx, op, arg, src, line) {
  if (op === "!") return condToExpr(notCond(compileCond(cx, arg)), src, line);
  const a = compileRvalue(cx, arg);
  if (isUnresolved(a.t)) return retype(a, UNRESOLVED);
  const u = unaryValOp(cx, op, a, src, line);
  return lift1(u.t, a, u.fn, src, line, true, u.js);
}
function castMisparse(cx, e) {
  if (!["-", "+", "*", "&"].includes(e.op)) return null;
  const l = e.left;
  if (l.k !== "paren" || l.arg.k !== "ident" || !cx.isTypeName(l.arg.name)) return null;
  const tname = l.arg.name;
  const typeName = { spec: { k: "name", name: tname }, decl: { k: "abstract" } };
  const wrap = (x) => {
    if (x.k === "binary") return { ...x, left: wrap(x.left) };
    const operand = e.op === "*" ? { k: "deref", arg: x, line: x.line, src: `*${x.src}` } : e.op === "&" ? { k: "addr", arg: x, line: x.line, src: `&${x.src}` } : { k: "unary", op: e.op, arg: x, line: x.line, src: `${e.op}${x.src}` };
    return { k: "cast", type: typeName, arg: operand, line: x.line, src: `(${tname})${operand.src}` };
  };
  return wrap(e.right);
}
function compileBinary(cx, e) {
  const fixed = castMisparse(cx, e);
  if (fixed) return compileExpr(cx, fixed);
  if (e.op === "&&" || e.op === "||") return condToExpr(compileCond(cx, e), e.src, e.line);
  const a = compileRvalue(cx, e.left);
  const b2 = compileRvalue(cx, e.right);
  if (isUnresolved(a.t) || isUnresolved(b2.t)) return retype(lift2Seq(a, b2, e.src, e.line), UNRESOLVED);
  return applyBinary(binaryValOp(cx, e.op, a, b2, e.src, e.line), a, b2, e.src, e.line);
}
function compileCond(cx, e) {
  if (e.k === "paren") return compileCond(cx, e.arg);
  if (e.k === "unary" && e.op === "!") return notCond(compileCond(cx, e.arg));
  if (e.k === "binary" && (e.op === "&&" || e.op === "||")) return andOr(e.op, compileCond(cx, e.left), compileCond(cx, e.right));
  return condOf(cx, compileRvalue(cx, e));
}
function placeOf(c, what) {
  if (!c.place) throw new CompileError(c.line, `\`${c.src}\` is not assignable (${what})`);
  if (c.t.k === "array") throw new CompileError(c.line, `assignment to array \`${c.src}\``);
  return c.place;
}
function compileAssign(cx, op, left, right, src, line) {
  const L = compileExpr(cx, left);
  const R0 = compileRvalue(cx, right);
  if (isUnresolved(L.t) || isUnresolved(R0.t)) return retype(lift2Seq(L, R0, src, line), UNRESOLVED);
  const p = placeOf(L, "assignment");
  let value;
  let back = null;
  let combine = null;
  let js = { back: null };
  if (op === "=") value = convert(R0, L.t, "assign", `assignment to \`${L.src}\``);
  else {
    const vop = binaryValOp(cx, op.slice(0, -1), rvalue(L), R0, src, line);
    back = convFn(vop.t, L.t, "assign", `\`${src}\``, line);
    combine = vop.fn;
    js = { combine: vop.js, back: back ? convJs(vop.t, L.t) : null };
    value = R0;
  }
  return storeExpr(L.t, p, value, combine, back, src, line, js);
}
function combineJs(g, combine, back, js, old, r) {
  let v;
  if (js.combine) {
    const x = g.tmp();
    const y = g.tmp();
    v = `(${x} = ${old}, ${y} = ${r}, ${js.combine(g, x, y)})`;
  } else v = `${g.k(combine)}(${old}, ${r}, f)`;
  if (!back) return v;
  if (js.back) {
    const b2 = g.tmp();
    return `(${b2} = ${v}, ${js.back(g, b2)})`;
  }
  return `${g.k(back)}(${v}, f)`;
}
function storeExpr(t, p, value, combine, back, src, line, jsOps = { back: null }) {
  const { base, baseG, load, store: store2 } = p;
  const ev = value.ev;
  const js = (g) => {
    if (!combine && p.localSlot !== void 0) return `(${g.local(p.localSlot)} = ${g.e(value)})`;
    const h = g.tmp();
    const r = g.tmp();
    const v = g.tmp();
    let out2 = `(${h} = ${placeBaseJs(g, p)}, ${r} = ${g.e(value)}, `;
    out2 += combine ? `${v} = ${combineJs(g, combine, back, jsOps, placeLoadJs(g, p, h), r)}, ` : `${v} = ${r}, `;
    return out2 + `${placeStoreJs(g, p, h, v)}, ${v})`;
  };
  if (!baseG && ev) {
    if (!combine) {
      if (p.localSlot !== void 0) {
        const s = p.localSlot;
        return plainExpr(t, (f) => f.v[s] = ev(f), src, line, null, js);
      }
      if (!base) return plainExpr(t, (f) => {
        const v = ev(f);
        store2(f, v, f);
        return v;
      }, src, line, null, js);
      return plainExpr(t, (f) => {
        const h = base(f);
        const v = ev(f);
        store2(h, v, f);
        return v;
      }, src, line, null, js);
    }
    return plainExpr(t, (f) => {
      const h = base ? base(f) : f;
      const r = ev(f);
      let v = combine(load(h, f), r, f);
      if (back) v = back(v, f);
      store2(h, v, f);
      return v;
    }, src, line, null, js);
  }
  const gv = value.gv;
  return genExpr(t, function* (f) {
    const h = baseG ? yield* baseG(f) : base ? base(f) : f;
    const r = gv ? yield* gv(f) : ev(f);
    let v = r;
    if (combine) {
      v = combine(load(h, f), r, f);
      if (back) v = back(v, f);
    }
    store2(h, v, f);
    return v;
  }, src, line, js);
}
function compileUpdate(cx, op, prefix, arg, src, line) {
  const L = compileExpr(cx, arg);
  if (isUnresolved(L.t)) return L;
  const p = placeOf(L, op);
  const one = constExpr(INT, 1, "1", line);
  const vop = binaryValOp(cx, op === "++" ? "+" : "-", rvalue(L), one, src, line);
  const back = convFn(vop.t, L.t, "assign", `\`${src}\``, line);
  const { base, baseG, load, store: store2 } = p;
  const fn = vop.fn;
  const step = (h, f) => {
    const old = load(h, f);
    let v = fn(old, 1, f);
    if (back) v = back(v, f);
    store2(h, v, f);
    return prefix ? v : old;
  };
  const jsOps = { combine: vop.js, back: back ? convJs(vop.t, L.t) : null };
  const js = (g) => {
    const h = g.tmp();
    const old = g.tmp();
    const v = g.tmp();
    return `(${h} = ${placeBaseJs(g, p)}, ${old} = ${placeLoadJs(g, p, h)}, ${v} = ${combineJs(g, fn, back, jsOps, old, "1")}, ${placeStoreJs(g, p, h, v)}, ${prefix ? v : old})`;
  };
  if (baseG) return genExpr(L.t, function* (f) {
    return step(yield* baseG(f), f);
  }, src, line, js);
  if (p.localSlot !== void 0 && !back && L.t.k === "int") {
    const s = p.localSlot;
    return plainExpr(L.t, prefix ? (f) => f.v[s] = fn(f.v[s], 1, f) : (f) => {
      const o = f.v[s];
      f.v[s] = fn(o, 1, f);
      return o;
    }, src, line, null, js);
  }
  return plainExpr(L.t, base ? (f) => step(base(f), f) : (f) => step(f, f), src, line, null, js);
}
function compileField(cx, O, field2, arrow, src, line) {
  if (isUnresolved(O.t)) return O;
  let st;
  let base = null;
  let baseG = null;
  let jsBase;
  if (arrow) {
    const P = rvalue(O);
    if (P.t.k !== "ptr" || P.t.to.k !== "struct") throw new CompileError(line, `\`->${field2}\` on \`${P.src}\` of type \`${typeToString(P.t)}\` (not a struct pointer)`);
    st = P.t.to;
    const what = P.src;
    const pe = P.ev;
    const pg2 = P.gv;
    if (pe) base = (f) => loadPtr(f, pe(f), what);
    else baseG = function* (f) {
      return loadPtr(f, yield* pg2(f), what);
    };
    jsBase = (g2) => `loadPtr(f, ${g2.e(P)}, ${g2.k(what)})`;
  } else {
    if (O.t.k !== "struct") throw new CompileError(line, `\`.${field2}\` on \`${O.src}\` of type \`${typeToString(O.t)}\` (not a struct)`);
    st = O.t;
    base = O.ev;
    baseG = O.gv;
    jsBase = (g2) => g2.e(O);
  }
  const layout = cx.ps.types.layoutOf(st.name);
  if (!layout || !layout.complete) throw new CompileError(line, `\`${field2}\` of incomplete struct ${st.name}`);
  const fi = layout.byName.get(field2);
  if (!fi) throw new CompileError(line, `struct ${st.name} has no field \`${field2}\``, { kind: "field", name: field2, struct: st.name });
  const idx = fi.index;
  const isArr = fi.t.k === "array";
  const gone = (h, f) => f.t.bug(`use of ${h.name} after its function returned`);
  const load = (h, f) => {
    if (h instanceof LocalStruct && !isArr) {
      if (h.dead) f.t.bug(`use of ${h.name} after its function returned`);
      return h.vals[idx];
    }
    return h.get(field2, f.t);
  };
  const place = {
    base,
    baseG,
    load,
    store: (h, v, f) => {
      if (h instanceof LocalStruct && fi.t.k !== "struct" && !isArr) {
        if (h.dead) f.t.bug(`use of ${h.name} after its function returned`);
        h.vals[idx] = v;
      } else h.set(field2, v, f.t);
    },
    addr: (h, f) => h.fieldPtr(field2, f.t),
    jsBase,
    jsLoad: isArr ? (g2, h) => `${h}.get(${g2.k(field2)}, f.t)` : (g2, h) => `(${h} instanceof LocalStruct ? (${h}.dead ? ${g2.k(gone)}(${h}, f) : ${h}.vals[${idx}]) : ${h}.get(${g2.k(field2)}, f.t))`,
    jsStore: isArr || fi.t.k === "struct" ? (g2, h, v) => `${h}.set(${g2.k(field2)}, ${v}, f.t)` : (g2, h, v) => `(${h} instanceof LocalStruct ? (${h}.dead ? ${g2.k(gone)}(${h}, f) : ${h}.vals[${idx}] = ${v}) : ${h}.set(${g2.k(field2)}, ${v}, f.t))`
  };
  const js = (g2) => {
    const h = g2.tmp();
    return `(${h} = ${jsBase(g2)}, ${place.jsLoad(g2, h)})`;
  };
  if (base) {
    const b2 = base;
    return plainExpr(fi.t, (f) => load(b2(f), f), src, line, place, js);
  }
  const g = baseG;
  const c = genExpr(fi.t, function* (f) {
    return load(yield* g(f), f);
  }, src, line, js);
  c.place = place;
  return c;
}
function compileIndex(cx, objE, indexE, src, line) {
  let A = compileRvalue(cx, objE);
  let I = compileRvalue(cx, indexE);
  if (A.t.k === "int" && I.t.k === "ptr") [A, I] = [I, A];
  if (isUnresolved(A.t) || isUnresolved(I.t)) return retype(lift2Seq(A, I, src, line), UNRESOLVED);
  if (A.t.k !== "ptr" || I.t.k !== "int") throw new CompileError(line, `subscript of \`${typeToString(A.t)}\` by \`${typeToString(I.t)}\` in \`${src}\``);
  const add = binaryValOp(cx, "+", A, I, src, line);
  const elemPtr = applyBinary(add, A, I, src, line);
  return derefOf(A.t.to, elemPtr, src, line);
}
function compileDeref(_cx, P, src, line) {
  if (isUnresolved(P.t)) return P;
  if (P.t.k !== "ptr") throw new CompileError(line, `dereference of non-pointer \`${P.src}\` (\`${typeToString(P.t)}\`)`);
  if (P.t.to.k === "func") return { ...P, t: P.t.to, place: null };
  if (P.t.to.k === "void") throw new CompileError(line, `dereference of \`void *\` \`${P.src}\``);
  return derefOf(P.t.to, P, src, line);
}
function derefOf(t, P, src, line) {
  const what = P.src;
  const place = {
    base: P.ev,
    baseG: P.gv,
    load: (h, f) => loadPtr(f, h, what),
    store: (h, v, f) => storePtr(f, h, v, what),
    addr: (h) => h,
    jsBase: (g) => g.e(P),
    jsLoad: (g, h) => `loadPtr(f, ${h}, ${g.k(what)})`,
    jsStore: (g, h, v) => `(storePtr(f, ${h}, ${v}, ${g.k(what)}), ${v})`
  };
  if (t.k === "array") {
    place.load = (h) => h;
    place.jsLoad = (_g, h) => h;
  }
  const load = place.load;
  const js = t.k === "array" ? (g) => g.e(P) : (g) => `loadPtr(f, ${g.e(P)}, ${g.k(what)})`;
  const pe = P.ev;
  if (pe) return plainExpr(t, (f) => load(pe(f), f), src, line, place, js);
  const pg2 = P.gv;
  const c = genExpr(t, function* (f) {
    return load(yield* pg2(f), f);
  }, src, line, js);
  c.place = place;
  return c;
}
function compileAddr(cx, arg, src, line) {
  const X = compileExpr(cx, arg);
  if (isUnresolved(X.t)) return X;
  if (X.t.k === "func") return rvalue(X);
  const p = X.place;
  if (!p) throw new CompileError(line, `cannot take the address of \`${X.src}\``);
  if (p.localSlot !== void 0) throw new NeedCell(p.localName);
  if (!p.addr) throw new CompileError(line, `cannot take the address of \`${X.src}\``);
  const addr2 = p.addr;
  const t = { k: "ptr", to: X.t };
  const js = (g) => `${g.k(addr2)}(${placeBaseJs(g, p)}, f)`;
  if (p.baseG) {
    const g = p.baseG;
    return genExpr(t, function* (f) {
      return addr2(yield* g(f), f);
    }, src, line, js);
  }
  const b2 = p.base;
  return plainExpr(t, b2 ? (f) => addr2(b2(f), f) : (f) => addr2(f, f), src, line, null, js);
}
function compileCast(cx, t, arg, src, _line) {
  const a = compileRvalue(cx, arg);
  if (isUnresolved(a.t)) return retype(a, t);
  const c = convert(a, t, "cast", `cast \`${src}\``);
  return { ...c, src };
}
function compileConditional(cx, testE, thenE, elseE, src, line) {
  const test = compileCond(cx, testE);
  let a = compileRvalue(cx, thenE);
  let b2 = compileRvalue(cx, elseE);
  let t;
  if (isUnresolved(a.t) || isUnresolved(b2.t)) t = UNRESOLVED;
  else if (a.t.k === "int" && b2.t.k === "int") {
    t = uac(a.t, b2.t);
    a = convert(a, t, "assign", src);
    b2 = convert(b2, t, "assign", src);
  } else if (a.t.k === "ptr" && b2.nullConst) t = a.t;
  else if (b2.t.k === "ptr" && a.nullConst) t = b2.t;
  else if (a.t.k === "ptr" && b2.t.k === "ptr") {
    if (a.t.to.k === "void") t = a.t;
    else if (b2.t.to.k === "void") t = b2.t;
    else if (sameType(a.t.to, b2.t.to)) t = a.t;
    else throw new CompileError(line, `pointer type mismatch in \`${src}\` (\`${typeToString(a.t)}\` and \`${typeToString(b2.t)}\`)`);
  } else if (sameType(a.t, b2.t)) t = a.t;
  else throw new CompileError(line, `type mismatch in \`${src}\` (\`${typeToString(a.t)}\` and \`${typeToString(b2.t)}\`)`);
  if (test.konst !== null) return retype(test.konst ? a : b2, t);
  const te = test.ev;
  const ae = a.ev;
  const be = b2.ev;
  const js = (g) => `(${g.cond(test)} ? ${g.e(a)} : ${g.e(b2)})`;
  if (te && ae && be) return plainExpr(t, (f) => te(f) ? ae(f) : be(f), src, line, null, js);
  const tg = test.gv;
  const ag = a.gv;
  const bg = b2.gv;
  return genExpr(t, function* (f) {
    const c = tg ? yield* tg(f) : te(f);
    if (c) return ag ? yield* ag(f) : ae(f);
    return bg ? yield* bg(f) : be(f);
  }, src, line, js);
}
function compileCompoundLiteral(cx, t, e) {
  if (t.k !== "struct" && t.k !== "array") {
    if (e.init.k === "list" && e.init.items.length === 1 && e.init.items[0].designators.length === 0 && e.init.items[0].value.k === "expr") {
      return compileCast(cx, t, e.init.items[0].value.e, e.src, e.line);
    }
    throw new CompileError(e.line, `unsupported compound literal \`${e.src}\``);
  }
  const types = cx.ps.types;
  const filler = compileInitFiller(cx, t, e.init, e.line);
  const bytes = storageBytes(t, types);
  const make = (f) => newValue(t, types, f.m.allocate(bytes), `(compound literal ${typeToString(t)})`, "zero");
  const out2 = (o) => o instanceof ArrayRegion ? new Ptr(o, 0) : o;
  const place = (base, baseG) => t.k !== "struct" ? null : {
    base,
    baseG,
    load: (h) => h,
    store: (_h, _v, f) => f.t.bug(`assignment to the compound literal \`${e.src}\``),
    addr: (h) => h.self
  };
  if (!filler.gv) {
    const fe = filler.ev;
    const ev = (f) => {
      const o = make(f);
      fe(o, f);
      return out2(o);
    };
    return plainExpr(t, ev, e.src, e.line, place(ev, null));
  }
  const fg = filler.gv;
  const gv = function* (f) {
    const o = make(f);
    yield* fg(o, f);
    return out2(o);
  };
  const c = genExpr(t, gv, e.src, e.line);
  c.place = place(null, gv);
  return c;
}
var init_compile_expr = __esm({
  "src/model/interp/compile-expr.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_compile_ops();
    init_compile_call();
    init_compile_init();
    init_compile_stmt();
    init_ctypes();
    init_ints();
    init_memory();
    init_runtime();
    init_fn_context();
  }
});

// src/model/interp/compile-stmt.ts
function compileStmt(cx, s) {
  const saved = cx.loc;
  cx.loc = cx.locAt(s.line);
  try {
    return compileStmtInner(cx, s);
  } catch (e) {
    if (e instanceof CompileError) {
      cx.errors.push(e);
      return PLAIN_NORMAL;
    }
    throw e;
  } finally {
    cx.loc = saved;
  }
}
function exprStmt(cx, c) {
  const loc = cx.loc;
  const e = c.ev;
  const js = (gen) => `${gen.tick(loc)}${gen.e(c)};
`;
  if (e) return { ev: (f) => {
    tick(f, loc);
    e(f);
    return NORMAL;
  }, gv: null, js };
  const g = c.gv;
  return { ev: null, gv: function* (f) {
    tick(f, loc);
    yield* g(f);
    return NORMAL;
  }, gx: g, loc, js };
}
function discardedCall(cx, e) {
  for (; ; ) {
    if (e.k === "paren") e = e.arg;
    else if (e.k === "cast" && cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx).t.k === "void") e = e.arg;
    else return e.k === "call" ? e : null;
  }
}
function compileStmtInner(cx, s) {
  const loc = cx.loc;
  switch (s.k) {
    case "expr": {
      const expanded = macroStatements(cx, s.e, (stmts) => compileBlock(cx, stmts, !stmts.every((st) => st.k === "decl")));
      if (expanded) return expanded;
      cx.discardedCall = discardedCall(cx, s.e);
      try {
        return exprStmt(cx, compileRvalue(cx, s.e));
      } finally {
        cx.discardedCall = null;
      }
    }
    case "empty":
      return { ev: (f) => (tick(f, loc), NORMAL), gv: null, js: (g) => g.tick(loc) };
    case "block":
      return compileBlock(cx, s.body, true);
    case "decl":
      return compileDecl(cx, s);
    case "typedef":
      for (const n of s.names) cx.ps.types.typedefs.set(n.name, cx.ps.resolveType(s.spec, n.decl, s.line, cx).t);
      return PLAIN_NORMAL;
    case "if":
      return compileIf(cx, s);
    case "for": {
      if (!s.init && !s.update && s.test?.k === "ident" && s.test.name.startsWith("__lkml_L")) {
        const m = macroLoop(cx, s.test.name, s.body, (st) => compileStmtInner(cx, st));
        if (m) return m;
      }
      return compileLoop(cx, s);
    }
    case "while":
    case "do":
      return compileLoop(cx, s);
    case "switch":
      return compileSwitch(cx, s);
    case "case":
      throw new CompileError(s.line, "`case` outside the body of a switch");
    case "break":
      if (cx.breakDepth === 0) throw new CompileError(s.line, "`break` outside a loop or switch");
      return { ev: (f) => (tick(f, loc), BREAK), gv: null, js: (g) => `${g.tick(loc)}break ${g.breaks[g.breaks.length - 1]};
` };
    case "continue":
      if (cx.loopDepth === 0) throw new CompileError(s.line, "`continue` outside a loop");
      return { ev: (f) => (tick(f, loc), CONTINUE), gv: null, js: (g) => `${g.tick(loc)}break ${g.conts[g.conts.length - 1]};
` };
    case "return":
      return compileReturn(cx, s.e, s.line);
    case "goto": {
      const label = s.label;
      if (!cx.blockLabels.some((b2) => b2.has(label))) {
        const why = cx.allLabels.has(label) ? `goto into a nested block (label \`${label}\`) is not supported` : `goto to unknown label \`${label}\``;
        throw new CompileError(s.line, why);
      }
      return { ev: (f) => {
        tick(f, loc);
        f.label = label;
        return GOTO;
      }, gv: null, js: (g) => g.tick(loc) + g.goto(label) };
    }
    case "label":
      return compileStmt(cx, s.body);
  }
}
function compileReturn(cx, e, line) {
  const loc = cx.loc;
  const ret = cx.returnType;
  if (!e) {
    if (ret.k !== "void") throw new CompileError(line, `\`return;\` in function returning \`${typeToString(ret)}\``);
    return { ev: (f) => (tick(f, loc), RETURN), gv: null, js: (g2) => `${g2.tick(loc)}return f.ret;
` };
  }
  let c = compileRvalue(cx, e);
  if (ret.k === "void") {
    if (c.t.k !== "void") throw new CompileError(line, `return with a value in void function ${cx.fnName}()`);
  } else c = convert(c, ret, "return", `return value of ${cx.fnName}()`);
  if (ret.k === "struct") {
    const types = cx.ps.types;
    const bytes = storageBytes(ret, types);
    const name2 = `struct returned by ${cx.fnName}()`;
    const inner = c;
    const copy = (v, f) => {
      const o = newValue(ret, types, f.m.allocate(bytes), name2, "uninit");
      o.copyFrom(v, f.t);
      return o;
    };
    const js2 = (g2) => `${g2.k(copy)}(${g2.e(inner)}, f)`;
    c = inner.ev ? { ...inner, ev: (f) => copy(inner.ev(f), f), js: js2 } : { ...inner, gv: function* (f) {
      return copy(yield* inner.gv(f), f);
    }, js: js2 };
  }
  const value = c;
  const js = (g2) => `${g2.tick(loc)}return f.ret = ${g2.e(value)};
`;
  const ev = c.ev;
  if (ev) return { ev: (f) => {
    tick(f, loc);
    f.ret = ev(f);
    return RETURN;
  }, gv: null, js };
  const g = c.gv;
  return { ev: null, gv: function* (f) {
    tick(f, loc);
    f.ret = yield* g(f);
    return RETURN;
  }, js };
}
function compileIf(cx, s) {
  const loc = cx.loc;
  const test = compileCond(cx, s.test);
  const then = compileStmt(cx, s.then);
  const els = s.else ? compileStmt(cx, s.else) : null;
  if (test.konst !== null) {
    const taken = test.konst ? then : els;
    if (!taken) return { ev: (f) => (tick(f, loc), NORMAL), gv: null, js: (g) => g.tick(loc) };
    const js2 = (g) => g.tick(loc) + g.s(taken);
    const te = taken.ev;
    if (te) return { ev: (f) => (tick(f, loc), te(f)), gv: null, js: js2 };
    const tg = taken.gv;
    return { ev: null, gv: function* (f) {
      tick(f, loc);
      return yield* tg(f);
    }, js: js2 };
  }
  const js = (g) => `${g.tick(loc)}if (${g.cond(test)}) {
${g.s(then)}}${els ? ` else {
${g.s(els)}}` : ""}
`;
  const ce = test.ev;
  const a = then.ev;
  const b2 = els ? els.ev : () => NORMAL;
  if (ce && a && b2) return { ev: (f) => {
    tick(f, loc);
    return ce(f) ? a(f) : b2(f);
  }, gv: null, js };
  const cg = test.gv;
  const ag = then.gv;
  const bg = els ? els.gv : null;
  return {
    ev: null,
    gv: function* (f) {
      tick(f, loc);
      const c = cg ? yield* cg(f) : ce(f);
      if (c) return ag ? yield* ag(f) : a(f);
      return bg ? yield* bg(f) : b2(f);
    },
    js
  };
}
function compileLoop(cx, s) {
  const loc = cx.loc;
  const site = { id: `${cx.file}:${s.line}`, loc, kind: s.k };
  cx.pushScope();
  try {
    let init2 = null;
    let test = null;
    let update = null;
    if (s.k === "for") {
      if (s.init) init2 = compileStmt(cx, s.init);
      if (s.test) test = compileCond(cx, s.test);
      if (s.update) update = compileRvalue(cx, s.update);
    } else test = compileCond(cx, s.test);
    cx.loopDepth++;
    cx.breakDepth++;
    const body2 = compileStmt(cx, s.body);
    cx.loopDepth--;
    cx.breakDepth--;
    const isDo = s.k === "do";
    const allPlain = !init2?.gv && !test?.gv && !update?.gv && !body2.gv;
    const js = (g) => {
      const brk = g.label("l");
      const cont = g.label("c");
      let out2 = init2 ? g.s(init2) : "";
      out2 += `${brk}: for (;;) {
${g.tick(loc)}${g.loopHead(site)}`;
      if (test && !isDo && test.konst !== true) out2 += `if (!${g.cond(test)}) break ${brk};
`;
      g.breaks.push(brk);
      g.conts.push(cont);
      out2 += `${cont}: {
${g.s(body2)}}
`;
      g.breaks.pop();
      g.conts.pop();
      if (update) out2 += `${g.e(update)};
`;
      if (test && isDo) out2 += `if (!${g.cond(test)}) break ${brk};
`;
      return out2 + "}\n";
    };
    if (allPlain) {
      const ie = init2?.ev ?? null;
      const te = test?.konst === true ? null : test?.ev ?? null;
      const ue = update?.ev ?? null;
      const be = body2.ev;
      return {
        ev: (f) => {
          if (ie) ie(f);
          for (; ; ) {
            tick(f, loc);
            if (f.m.loopHooked) f.m.loopHead(f, site);
            if (!isDo && te && !te(f)) return NORMAL;
            const c = be(f);
            if (c === BREAK) return NORMAL;
            if (c !== NORMAL && c !== CONTINUE) return c;
            if (ue) ue(f);
            if (isDo && te && !te(f)) return NORMAL;
          }
        },
        gv: null,
        js
      };
    }
    return {
      ev: null,
      gv: function* (f) {
        if (init2) {
          if (init2.gv) yield* init2.gv(f);
          else init2.ev(f);
        }
        for (; ; ) {
          tick(f, loc);
          if (f.m.loopHooked) f.m.loopHead(f, site);
          if (test && !isDo && test.konst !== true) {
            const ok = test.gv ? yield* test.gv(f) : test.ev(f);
            if (!ok) return NORMAL;
          }
          const c = body2.gv ? yield* body2.gv(f) : body2.ev(f);
          if (c === BREAK) return NORMAL;
          if (c !== NORMAL && c !== CONTINUE) return c;
          if (update) {
            if (update.gv) yield* update.gv(f);
            else update.ev(f);
          }
          if (test && isDo) {
            const ok = test.gv ? yield* test.gv(f) : test.ev(f);
            if (!ok) return NORMAL;
          }
        }
      },
      js
    };
  } finally {
    cx.popScope();
  }
}
function compileSwitch(cx, s) {
  const loc = cx.loc;
  const test0 = compileRvalue(cx, s.test);
  if (test0.t.k !== "int") throw new CompileError(s.line, `switch on \`${typeToString(test0.t)}\``);
  const t = promote(test0.t);
  const test = convert(test0, t, "assign", "switch");
  const conv = converter(t);
  const flat = [];
  const cases = [];
  const body2 = s.body.k === "block" ? s.body.body : [s.body];
  const walk2 = (list2) => {
    for (const st of list2) {
      if (st.k === "case") {
        cases.push({ value: st.value, at: flat.length, line: st.line });
        walk2(st.body);
      } else flat.push(st);
    }
  };
  walk2(body2);
  const table = /* @__PURE__ */ new Map();
  let dflt = -1;
  for (const c of cases) {
    if (c.value === null) {
      if (dflt >= 0) throw new CompileError(c.line, "two `default` labels in one switch");
      dflt = c.at;
      continue;
    }
    const { v, t: vt } = constValue(cx, c.value, "case label");
    if (vt.k !== "int") throw new CompileError(c.line, "case label is not an integer");
    const key2 = conv(v);
    if (table.has(key2)) throw new CompileError(c.line, `duplicate case value ${String(key2)}`);
    table.set(key2, c.at);
  }
  cx.pushScope();
  cx.breakDepth++;
  const labels = blockLabels(flat);
  cx.blockLabels.push(labels);
  let run2;
  const items = [];
  const labelAt = /* @__PURE__ */ new Map();
  const labelSite = [];
  try {
    for (let st of flat) {
      while (st.k === "label") {
        labelAt.set(st.label, items.length);
        labelSite[items.length] = { id: `${cx.file}:${st.line}`, loc: cx.locAt(st.line), kind: "goto" };
        st = st.body;
      }
      items.push(compileStmt(cx, st));
    }
    run2 = runner(items, labelAt.size ? labelAt : null, labelSite);
  } finally {
    cx.blockLabels.pop();
    cx.breakDepth--;
    cx.popScope();
  }
  const site = siteAt(loc, test0.src);
  const pick2 = (v, f) => {
    if (v === UNINIT) {
      uninitRead(f, site, test0.src);
      return dflt;
    }
    const i2 = table.get(v);
    return i2 === void 0 ? dflt : i2;
  };
  const js = (g) => {
    const i2 = g.tmp();
    let out2 = `${g.tick(loc)}${i2} = ${g.k(pick2)}(${g.e(test)}, f);
if (${i2} >= 0) {
`;
    const brk = g.label("s");
    g.breaks.push(brk);
    out2 += g.items(items, labelAt.size ? labelAt : null, labelSite, i2, brk);
    g.breaks.pop();
    return out2 + "}\n";
  };
  const te = test.ev;
  const fe = run2.from.ev;
  if (te && fe) {
    return {
      ev: (f) => {
        tick(f, loc);
        const i2 = pick2(te(f), f);
        if (i2 < 0) return NORMAL;
        const c = fe(f, i2);
        return c === BREAK ? NORMAL : c;
      },
      gv: null,
      js
    };
  }
  const tg = test.gv;
  const fg = run2.from.gv;
  return {
    ev: null,
    gv: function* (f) {
      tick(f, loc);
      const i2 = pick2(tg ? yield* tg(f) : te(f), f);
      if (i2 < 0) return NORMAL;
      const c = fg ? yield* fg(f, i2) : fe(f, i2);
      return c === BREAK ? NORMAL : c;
    },
    js
  };
}
function compileDecl(cx, s) {
  const loc = cx.loc;
  const refuse = (why) => {
    for (const d of s.decls) if (!cx.lookup(d.name)) cx.declare(d.name, UNRESOLVED, d.line);
    throw new CompileError(s.line, why);
  };
  if (s.storage.includes("static")) refuse("static local variables are not supported");
  if (s.storage.includes("extern")) refuse("extern declarations inside functions are not supported");
  if (s.decls.length === 0) {
    cx.ps.resolveType(s.spec, { k: "abstract" }, s.line, cx);
    return PLAIN_NORMAL;
  }
  const parts2 = [];
  for (const d of s.decls) {
    let t;
    try {
      t = cx.ps.resolveType(d.type.spec, d.type.decl, d.line, cx).t;
      if (t.k === "func") throw new CompileError(d.line, `local function declaration \`${d.name}\` is not supported`);
    } catch (e) {
      if (e instanceof CompileError && !cx.lookup(d.name)) cx.declare(d.name, UNRESOLVED, d.line);
      throw e;
    }
    const l = cx.declare(d.name, t, d.line);
    parts2.push(declInit(cx, l, d.init, d.line));
  }
  const first = parts2[0];
  const tickFirst = (c) => {
    const e = c.ev;
    const js = (g2) => g2.tick(loc) + g2.s(c);
    if (e) return { ev: (f) => {
      tick(f, loc);
      return e(f);
    }, gv: null, js };
    const g = c.gv;
    return { ev: null, gv: function* (f) {
      tick(f, loc);
      return yield* g(f);
    }, js };
  };
  if (parts2.length === 1) return tickFirst(first);
  return tickFirst(runner(parts2, null, []).whole);
}
function declInit(cx, l, init2, line) {
  const s = l.slot;
  if (l.kind === "owned") {
    if (!init2) return { ev: (f) => {
      reinit(f.v[s], "uninit");
      return NORMAL;
    }, gv: null, js: (g) => `${g.k(reinit)}(f.v[${s}], 'uninit');
` };
    const filler = compileInitFiller(cx, l.t, init2, line);
    const js2 = (g) => filler.js ? filler.js(g, `f.v[${s}]`) : fillerCall(g, filler, `f.v[${s}]`);
    const fe = filler.ev;
    if (fe) return { ev: (f) => {
      fe(f.v[s], f);
      return NORMAL;
    }, gv: null, js: js2 };
    const fg = filler.gv;
    return { ev: null, gv: function* (f) {
      yield* fg(f.v[s], f);
      return NORMAL;
    }, js: js2 };
  }
  let value = null;
  if (init2) {
    let e = init2;
    while (e.k === "list") {
      if (e.items.length !== 1) throw new CompileError(line, `braced initialiser for scalar \`${l.name}\``);
      e = e.items[0].value;
    }
    value = convert(compileRvalue(cx, e.e), l.t, "init", `initialiser of \`${l.name}\``);
  }
  const set = l.kind === "cell" ? (f, v) => {
    f.v[s].value = v;
  } : (f, v) => {
    f.v[s] = v;
  };
  const into = (g, v) => l.kind === "cell" ? `f.v[${s}].value = ${v};
` : `${g.local(s)} = ${v};
`;
  if (!value) return { ev: (f) => {
    set(f, UNINIT);
    return NORMAL;
  }, gv: null, js: (g) => into(g, "U") };
  const val = value;
  const js = (g) => into(g, g.e(val));
  const ve = value.ev;
  if (ve) {
    if (l.kind === "plain") return { ev: (f) => {
      f.v[s] = ve(f);
      return NORMAL;
    }, gv: null, js };
    return { ev: (f) => {
      set(f, ve(f));
      return NORMAL;
    }, gv: null, js };
  }
  const vg = value.gv;
  return { ev: null, gv: function* (f) {
    set(f, yield* vg(f));
    return NORMAL;
  }, js };
}
function fillerCall(g, filler, o) {
  g.fallbacks++;
  return filler.ev ? `${g.k(filler.ev)}(${o}, f);
` : `yield* ${g.k(filler.gv)}(${o}, f);
`;
}
function reinit(o, mode) {
  if (o instanceof LocalStruct) o.fill(mode);
  else if (o !== null && typeof o === "object" && "vals" in o) {
    const r = o;
    for (let i2 = 0; i2 < r.vals.length; i2++) {
      const v = r.vals[i2];
      if (v instanceof LocalStruct) v.fill(mode);
      else r.vals[i2] = UNINIT;
    }
  }
}
function compileStmtExpr(cx, body2, src, line) {
  cx.pushScope();
  try {
    const last = body2[body2.length - 1];
    const lead = last && last.k === "expr" ? body2.slice(0, -1) : body2;
    const block = compileBlock(cx, lead, false);
    const value = last && last.k === "expr" ? compileRvalue(cx, last.e) : null;
    const t = value ? value.t : { k: "void" };
    const check = (c, f) => {
      if (c !== NORMAL) f.t.notModelled(`control flow leaving a statement expression at ${cx.file}:${line}`);
    };
    const be = block.ev;
    const ve = value ? value.ev : () => void 0;
    if (be && ve) return plainExpr(t, (f) => {
      check(be(f), f);
      return ve(f);
    }, src, line);
    const bg = block.gv;
    const vg = value ? value.gv : null;
    return genExpr(t, function* (f) {
      check(bg ? yield* bg(f) : be(f), f);
      return vg ? yield* vg(f) : ve(f);
    }, src, line);
  } finally {
    cx.popScope();
  }
}
var PLAIN_NORMAL;
var init_compile_stmt = __esm({
  "src/model/interp/compile-stmt.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_compile_expr();
    init_compile_call();
    init_compile_init();
    init_ctypes();
    init_ints();
    init_memory();
    init_runtime();
    init_compile_block();
    PLAIN_NORMAL = { ev: () => NORMAL, gv: null, js: () => "" };
  }
});

// src/model/interp/compile-block.ts
function compileFunctionBody(cx, def, type) {
  const params = paramNames(def);
  const nParams = type.params.length;
  for (let i2 = 0; i2 < nParams; i2++) {
    const name2 = params[i2] ?? `__param${i2}`;
    cx.declare(name2, type.params[i2], def.line);
  }
  cx.loc = cx.locAt(def.bodyLine);
  cx.pushScope();
  const labels = blockLabels(def.body);
  cx.blockLabels.push(labels);
  const block = compileItems(cx, def.body);
  cx.blockLabels.pop();
  cx.popScope();
  const owned = cx.ownedLocals();
  const types = cx.ps.types;
  const fname = def.name;
  const names = owned.map((l) => `local ${l.name} in ${fname}`);
  const init2 = owned.length === 0 ? null : (f) => {
    for (let i2 = 0; i2 < owned.length; i2++) {
      const l = owned[i2];
      const addr2 = stackAddr(f, l.off);
      const name2 = names[i2];
      const passed = l.slot < nParams ? f.v[l.slot] : UNINIT;
      if (l.kind === "cell") f.v[l.slot] = new CellRegion(name2, l.t, storageBytes(l.t, types), addr2, passed);
      else {
        const o = newValue(l.t, types, addr2, name2, "uninit");
        if (l.slot < nParams && o instanceof LocalStruct) o.copyFrom(passed, f.t);
        f.v[l.slot] = o;
      }
    }
  };
  const end = cx.locAt(def.endLine);
  const missing = `control reaches end of non-void function ${fname}() (${cx.file}:${def.endLine}) and the caller uses its value`;
  const fallOff = type.ret.k === "void" ? () => void 0 : (f) => {
    if (f.discard) return UNINIT;
    f.loc = end;
    return bug(f, missing);
  };
  const r = runner(block.items, block.labelAt, block.labelSite, { init: init2, fallOff });
  const emit = (g) => (init2 ? `${g.k(init2)}(f);
` : "") + g.items(block.items, block.labelAt, block.labelSite) + (type.ret.k === "void" ? "return undefined;\n" : `return ${g.k(fallOff)}(f);
`);
  return { run: r.fnPlain, runGen: r.fnGen, emit };
}
function paramNames(def) {
  let d = def.decl;
  let params = [];
  for (; ; ) {
    if (d.k === "func") {
      if (d.of.k === "name") {
        params = d.params.map((p) => declaratorName(p.decl));
        break;
      }
      d = d.of;
    } else if (d.k === "ptr" || d.k === "array") d = d.of;
    else break;
  }
  return params;
}
function blockLabels(stmts) {
  const out2 = /* @__PURE__ */ new Set();
  for (let s of stmts) {
    while (s.k === "label") {
      out2.add(s.label);
      s = s.body;
    }
  }
  return out2;
}
function compileItems(cx, stmts) {
  const items = [];
  const labelAt = /* @__PURE__ */ new Map();
  const labelSite = [];
  for (let s of stmts) {
    while (s.k === "label") {
      labelAt.set(s.label, items.length);
      labelSite[items.length] = { id: `${cx.file}:${s.line}`, loc: cx.locAt(s.line), kind: "goto" };
      s = s.body;
    }
    items.push(compileStmt(cx, s));
  }
  return { items, labelAt: labelAt.size ? labelAt : null, labelSite };
}
function compileBlock(cx, stmts, scoped) {
  if (scoped) cx.pushScope();
  cx.blockLabels.push(blockLabels(stmts));
  try {
    const b2 = compileItems(cx, stmts);
    return runner(b2.items, b2.labelAt, b2.labelSite).whole;
  } finally {
    cx.blockLabels.pop();
    if (scoped) cx.popScope();
  }
}
function runner(items, labelAt, labelSite, fn) {
  const n = items.length;
  const init2 = fn?.init ?? null;
  const fallOff = fn?.fallOff;
  const jump = (f, i2) => {
    const j = labelAt.get(f.label);
    if (j === void 0) return -1;
    f.label = null;
    if (j <= i2) {
      const site = labelSite[j];
      tick(f, site.loc);
      if (f.m.loopHooked) f.m.loopHead(f, site);
    }
    return j;
  };
  if (items.every((s) => s.gv === null)) {
    const evs = items.map((s) => s.ev);
    let from2;
    if (!labelAt) {
      from2 = n === 1 ? (f, i2) => i2 === 0 ? evs[0](f) : NORMAL : (f, start2) => {
        for (let i2 = start2; i2 < n; i2++) {
          const c = evs[i2](f);
          if (c !== NORMAL) return c;
        }
        return NORMAL;
      };
    } else {
      from2 = (f, start2) => {
        let i2 = start2;
        while (i2 < n) {
          const c = evs[i2](f);
          if (c === NORMAL) i2++;
          else if (c === GOTO) {
            const j = jump(f, i2);
            if (j < 0) return GOTO;
            i2 = j;
          } else return c;
        }
        return NORMAL;
      };
    }
    const whole = n === 1 && !labelAt ? evs[0] : (f) => from2(f, 0);
    return {
      whole: { ev: whole, gv: null, js: (g) => g.items(items, labelAt, labelSite) },
      from: { ev: from2, gv: null },
      fnPlain: fn ? (f) => {
        if (init2) init2(f);
        return whole(f) === RETURN ? f.ret : fallOff(f);
      } : null,
      fnGen: null
    };
  }
  const from = function* (f, start2) {
    let i2 = start2;
    while (i2 < n) {
      const s = items[i2];
      let c;
      if (s.gx) {
        tick(f, s.loc);
        yield* s.gx(f);
        c = NORMAL;
      } else c = s.gv ? yield* s.gv(f) : s.ev(f);
      if (c === NORMAL) i2++;
      else if (c === GOTO && labelAt) {
        const j = jump(f, i2);
        if (j < 0) return GOTO;
        i2 = j;
      } else return c;
    }
    return NORMAL;
  };
  return {
    whole: { ev: null, gv: (f) => from(f, 0), js: (g) => g.items(items, labelAt, labelSite) },
    from: { ev: null, gv: from },
    fnPlain: null,
    // the same loop again, so that a call is one generator, not two
    fnGen: fn ? function* (f) {
      if (init2) init2(f);
      let i2 = 0;
      while (i2 < n) {
        const s = items[i2];
        let c;
        if (s.gx) {
          tick(f, s.loc);
          yield* s.gx(f);
          c = NORMAL;
        } else c = s.gv ? yield* s.gv(f) : s.ev(f);
        if (c === NORMAL) i2++;
        else if (c === GOTO && labelAt) {
          const j = jump(f, i2);
          if (j < 0) break;
          i2 = j;
        } else return c === RETURN ? f.ret : fallOff(f);
      }
      return fallOff(f);
    } : null
  };
}
var init_compile_block = __esm({
  "src/model/interp/compile-block.ts"() {
    "use strict";
    init_api();
    init_memory();
    init_runtime();
    init_lower();
    init_compile_stmt();
  }
});

// src/model/interp/jsgen.ts
function jsName(name2) {
  return `c_${name2.replace(/[^A-Za-z0-9_$]/g, "_")}`;
}
var RT_NAMES, Gen, factories, MAX_FACTORIES, RUNTIME;
var init_jsgen = __esm({
  "src/model/interp/jsgen.ts"() {
    "use strict";
    init_api();
    init_memory();
    init_runtime();
    RT_NAMES = ["U", "Ptr", "LocalStruct", "Frame", "pushFrame", "popFrame", "loadPtr", "storePtr", "ptrEquals", "ptrToInt", "callBuiltinGen", "callBuiltinPlain", "invokeTarget", "targetOf", "isIterator"];
    Gen = class {
      constructor(gen, vars, plainSlots) {
        this.gen = gen;
        this.vars = vars;
        this.plainSlots = plainSlots;
      }
      gen;
      vars;
      plainSlots;
      consts = [];
      constIds = /* @__PURE__ */ new Map();
      nTmp = 0;
      nLabel = 0;
      /** Nodes that ran as closures (each may read or write locals through the frame). */
      fallbacks = 0;
      /** Enclosing break targets (JavaScript labels), innermost last. */
      breaks = [];
      /** Enclosing continue targets: the label of the block whose end is the loop's update. */
      conts = [];
      blocks = [];
      /** A compile-time constant (closure, object, bigint) the generated code refers to. */
      k(v) {
        let i2 = this.constIds.get(v);
        if (i2 === void 0) {
          i2 = this.consts.length;
          this.consts.push(v);
          this.constIds.set(v, i2);
        }
        return `k${i2}`;
      }
      /** A fresh temporary (declared at the top of the function). */
      tmp() {
        return `t${this.nTmp++}`;
      }
      label(prefix) {
        return `${prefix}${this.nLabel++}`;
      }
      /** A plain local's storage. */
      local(slot) {
        return this.vars ? `v${slot}` : `f.v[${slot}]`;
      }
      /** A literal for a constant value. */
      lit(v) {
        if (typeof v === "number") return Object.is(v, -0) ? "-0" : v < 0 ? `(${v})` : String(v);
        if (typeof v === "bigint") return v < 0n ? `(${v}n)` : `${v}n`;
        if (v === null) return "null";
        if (v === void 0) return "undefined";
        if (v === UNINIT) return "U";
        return this.k(v);
      }
      /** The value of an expression. */
      e(c) {
        if (c.konst) return this.lit(c.kv);
        if (c.js) return c.js(this);
        this.fallbacks++;
        if (c.ev) return `${this.k(c.ev)}(f)`;
        return `(yield* ${this.k(c.gv)}(f))`;
      }
      /** A condition as a JavaScript boolean. */
      cond(c) {
        if (c.konst !== null) return c.konst ? "true" : "false";
        if (c.js) return c.js(this);
        this.fallbacks++;
        if (c.ev) return `${this.k(c.ev)}(f)`;
        return `(yield* ${this.k(c.gv)}(f))`;
      }
      /** Statements. A statement without an emitter runs its closure and acts on its completion. */
      s(st) {
        if (st.js) return st.js(this);
        this.fallbacks++;
        const c = this.tmp();
        const call = st.ev ? `${this.k(st.ev)}(f)` : `(yield* ${this.k(st.gv)}(f))`;
        return `${c} = ${call}; if (${c} !== 0) { ${this.completion(c)} }
`;
      }
      /** Act on a completion code held in `c` (not NORMAL): break, continue, return or goto. */
      completion(c) {
        const brk = this.breaks[this.breaks.length - 1];
        const cont = this.conts[this.conts.length - 1];
        let out2 = "";
        if (brk) out2 += `if (${c} === 1) break ${brk}; `;
        if (cont) out2 += `if (${c} === 2) break ${cont}; `;
        out2 += `if (${c} === 3) return f.ret; `;
        out2 += `if (${c} === 4) { switch (f.label) { `;
        const seen = /* @__PURE__ */ new Set();
        for (let b2 = this.blocks.length - 1; b2 >= 0; b2--) {
          const blk = this.blocks[b2];
          for (const [name2, j] of blk.labelAt) {
            if (seen.has(name2)) continue;
            seen.add(name2);
            out2 += `case ${JSON.stringify(name2)}: f.label = null; ${j <= blk.cur ? this.backJump(blk.sites[j]) : ""}${blk.pc} = ${j}; continue ${blk.label}; `;
          }
        }
        out2 += "} }";
        return out2;
      }
      /** A statement tick: position, step count, budget and step-hook check. */
      tick(loc) {
        return `f.loc = ${this.k(loc)}; if (++m.steps >= m.checkAt) m.checkpoint(f);
`;
      }
      /** The loop-head hook, with the locals written back where the hook reads them. */
      loopHead(site) {
        return `if (m.loopHooked) { ${this.sync()}m.loopHead(f, ${this.k(site)}); }
`;
      }
      /** A backward jump's tick and loop head (at the label's site). */
      backJump(site) {
        return this.tick(site.loc) + this.loopHead(site);
      }
      /** Write JavaScript-held locals to the frame. */
      sync() {
        if (!this.vars) return "";
        return this.plainSlots.map((s) => `f.v[${s}] = v${s}; `).join("");
      }
      /** `goto label`: jump to the innermost enclosing block that has it. */
      goto(name2) {
        for (let b2 = this.blocks.length - 1; b2 >= 0; b2--) {
          const blk = this.blocks[b2];
          const j = blk.labelAt.get(name2);
          if (j === void 0) continue;
          return `${j <= blk.cur ? this.backJump(blk.sites[j]) : ""}${blk.pc} = ${j}; continue ${blk.label};
`;
        }
        throw new Error(`internal: goto ${name2} has no enclosing block`);
      }
      /**
       * Emit a statement list (a block, a switch body, a function body) with its labels. With labels
       * or a start index (a switch), the list is a `for (;;) switch (pc)` so that goto can enter it
       * anywhere; `label` names that loop when the caller needs it as a break target.
       */
      items(items, labelAt, sites, start2 = null, label = null) {
        if (!labelAt && start2 === null) return items.map((s) => this.s(s)).join("");
        const lbl = label ?? this.label("b");
        const pc = start2 ?? this.tmp();
        const blk = { label: lbl, pc, labelAt: labelAt ?? /* @__PURE__ */ new Map(), sites, cur: 0 };
        this.blocks.push(blk);
        let body2 = "";
        for (let i2 = 0; i2 < items.length; i2++) {
          blk.cur = i2;
          body2 += `case ${i2}: {
${this.s(items[i2])}}
`;
        }
        this.blocks.pop();
        return `${start2 === null ? `${pc} = 0;
` : ""}${lbl}: for (;;) { switch (${pc}) {
${body2}} break; }
`;
      }
      /** The function's source: `(K, R) => function`. */
      source(name2, body2) {
        const params = this.vars ? this.plainSlots.map((s) => `v${s}`) : [];
        const temps = Array.from({ length: this.nTmp }, (_, i2) => `t${i2}`);
        const decl = [...params, ...temps];
        const consts = this.consts.map((_, i2) => `k${i2} = K[${i2}]`);
        return `"use strict";
const { ${RT_NAMES.join(", ")} } = R;
` + (consts.length ? `const ${consts.join(", ")};
` : "") + `return function${this.gen ? "*" : ""} ${jsName(name2)}(f) {
const m = f.m;
` + (decl.length ? `let ${decl.join(", ")};
` : "") + (this.vars ? this.loadParams() : "") + body2 + `};
`;
      }
      paramCount = 0;
      /** Parameters (slots 0..n-1) arrive in the frame. */
      setParams(n) {
        this.paramCount = n;
      }
      loadParams() {
        return this.plainSlots.filter((s) => s < this.paramCount).map((s) => `v${s} = f.v[${s}]; `).join("") + "\n";
      }
      /**
       * Evaluate the source into the function. Factories are shared by source text: a function a
       * variant does not change has the same source in the base's and the variant's program, so
       * both get closures of one function literal, and what V8 learnt and compiled running the one
       * serves the other (constants differ per program and are passed in).
       */
      build(name2, body2) {
        const src = this.source(name2, body2);
        let factory = factories.get(src);
        if (!factory) {
          factory = new Function("K", "R", src);
          if (factories.size >= MAX_FACTORIES) factories.clear();
          factories.set(src, factory);
        }
        return factory(this.consts, RUNTIME);
      }
    };
    factories = /* @__PURE__ */ new Map();
    MAX_FACTORIES = 4096;
    RUNTIME = {
      U: UNINIT,
      Ptr,
      LocalStruct,
      Frame,
      pushFrame,
      popFrame,
      loadPtr,
      storePtr,
      ptrEquals,
      ptrToInt,
      callBuiltinGen,
      callBuiltinPlain,
      invokeTarget,
      targetOf,
      isIterator
    };
  }
});

// src/model/interp/compiler.ts
var ProgramCompiler;
var init_compiler = __esm({
  "src/model/interp/compiler.ts"() {
    "use strict";
    init_api();
    init_cexpr();
    init_compile_block();
    init_compile_expr();
    init_ctypes();
    init_fn_context();
    init_memory();
    init_lower();
    init_preprocess();
    init_ts_parser();
    init_compile_init();
    init_compiler_support();
    init_jsgen();
    ProgramCompiler = class {
      constructor(opts) {
        this.opts = opts;
        this.types = new TypeTable(opts.opaqueZero);
        this.forceGen = !!opts.forceGenerators;
        const sources = new Map(opts.sources.map((s) => [s.path, s.text]));
        const pp = new Preprocessor(sources, opts.config, opts.emptyMacros);
        this.pp = pp;
        this.macros = pp.macros;
        this.config = new Set([...pp.macros.values()].filter((m) => m.file === "<config>" && m.body !== "0").map((m) => m.name));
      }
      opts;
      types;
      macros;
      forceGen;
      diagnostics = [];
      fns = [];
      defs = /* @__PURE__ */ new Map();
      globals = [];
      builtinTargets = /* @__PURE__ */ new Map();
      strings = /* @__PURE__ */ new Map();
      missingTargets = /* @__PURE__ */ new Map();
      /** Per function: errors and unresolved calls of its latest compilation. */
      fnErrors = /* @__PURE__ */ new Map();
      fnUnresolved = /* @__PURE__ */ new Map();
      fnsByName = /* @__PURE__ */ new Map();
      protos = /* @__PURE__ */ new Map();
      /** Where each name's first prototype is, to name it when a definition disagrees. */
      protoAt = /* @__PURE__ */ new Map();
      globalsByName = /* @__PURE__ */ new Map();
      config;
      fragments = /* @__PURE__ */ new Map();
      problems = [];
      cells = /* @__PURE__ */ new Map();
      /** The latest compiled body of each function that compiles, for code generation. */
      bodies = /* @__PURE__ */ new Map();
      /** Functions whose JavaScript could not be generated (they run as closures; a bug if any). */
      codegenFailures = [];
      /** Functions generated with their locals in the frame (some part ran as a closure). */
      codegenInFrame = [];
      callers = /* @__PURE__ */ new Map();
      nextText = ADDR.text;
      nextRodata = ADDR.rodata;
      anon = 0;
      pp;
      configured(name2) {
        return this.config.has(name2);
      }
      // ------------------------------------------------------------------------- the pipeline
      compile() {
        const units = this.pp.run(this.opts.sources.map((s) => s.path));
        for (const d of this.pp.diagnostics) this.diag(d);
        for (const [name2, size] of this.pp.opaque) this.declareOpaque(name2, size);
        const extra = this.opts.opaqueTypes;
        if (Array.isArray(extra)) for (const n of extra) this.declareOpaque(n, 8);
        else if (extra) for (const [n, s] of Object.entries(extra)) this.declareOpaque(n, s);
        const tops = units.map((u) => this.parseUnit(u.path, u.text));
        tops.forEach((list2) => list2.forEach((d) => this.guard(d.k === "function" ? d.def.file : d.file, d.k === "function" ? d.def.line : d.line, () => this.declareTop(d))));
        for (const [name2, b2] of Object.entries(this.opts.builtins ?? {})) this.guard("<builtins>", 0, () => this.bindBuiltin(name2, b2));
        this.checkPrototypes();
        this.compileFunctions();
        for (const g of this.globals) this.guard(g.info.file, g.info.line, () => this.compileGlobalInit(g));
      }
      diag(d) {
        this.diagnostics.push(d);
      }
      /** Run a declaration step; a CompileError becomes a diagnostic. */
      guard(file, line, run2) {
        try {
          run2();
        } catch (e) {
          if (e instanceof CompileError) this.diag({ severity: "error", file, line: e.line || line, message: e.message, ...e.unknown ? { unknown: e.unknown } : {}, ...e.callee ? { callee: e.callee } : {} });
          else if (e instanceof NeedCell) this.diag({ severity: "error", file, line, message: `cannot take the address of \`${e.name}\` here` });
          else throw e;
        }
      }
      parseUnit(path, text) {
        const key2 = `${path}\0${text}`;
        let hit = cachedUnit(key2);
        if (!hit) {
          hit = withTree(text, (tree) => {
            const lw = new Lowerer(path);
            const out2 = [];
            for (const c of tree.rootNode.namedChildren) {
              if (!c) continue;
              try {
                out2.push(...lw.translationUnitItem(c));
              } catch (e) {
                if (e instanceof LowerError) lw.problems.push({ line: e.node.startPosition.row + 1, message: `syntax error: ${e.message}` });
                else throw e;
              }
            }
            return { tops: out2, problems: [...lw.problems, ...syntaxErrors(tree.rootNode, 1)] };
          });
          keepUnit(key2, hit, `${path}\0${this.opts.sources.find((s) => s.path === path)?.text ?? text}`);
        }
        for (const p of hit.problems) this.problems.push({ file: path, ...p });
        return hit.tops;
      }
      // ------------------------------------------------------------------------- file scope
      declareOpaque(name2, size) {
        this.types.typedefs.set(name2, this.types.opaque(name2));
        this.types.opaqueSizes.set(name2, size);
      }
      declareTop(d) {
        if (d.k === "typedef") {
          for (const n of d.names) {
            const { t } = this.resolveType(d.spec, n.decl, d.line, null);
            const prev = this.types.typedefs.get(n.name);
            if (prev?.k === "opaque") continue;
            this.types.typedefs.set(n.name, t);
          }
          if (d.names.length === 0) this.resolveType(d.spec, { k: "abstract" }, d.line, null);
          return;
        }
        if (d.k === "function") {
          this.declareFunction(d.def);
          return;
        }
        if (d.decls.length === 0) {
          this.resolveType(d.spec, { k: "abstract" }, d.line, null);
          return;
        }
        for (const v of d.decls) {
          const { t } = this.resolveType(v.type.spec, v.type.decl, v.line, null);
          if (t.k === "func") {
            if (!this.protos.has(v.name)) {
              this.protos.set(v.name, t);
              this.protoAt.set(v.name, { file: d.file, line: v.line });
            }
            continue;
          }
          this.declareGlobal(v.name, t, v.init, d.storage, d.file, v.line);
        }
      }
      /** A definition whose type is not its prototype's, as a C compiler refuses it ("conflicting types"). */
      checkPrototypes() {
        for (const f of this.fns) {
          const proto = this.protos.get(f.name);
          const at2 = this.protoAt.get(f.name);
          if (f.isStatic || !proto || !at2 || sameType(proto, f.type)) continue;
          this.diag({ severity: "error", file: f.file, line: f.line, function: f.name, message: `conflicting types for ${f.name}() (its prototype at ${at2.file}:${at2.line} is \`${typeToString(proto)}\`)`, callee: f.name });
        }
      }
      declareFunction(def) {
        const { t } = this.resolveType(def.spec, def.decl, def.line, null);
        if (t.k !== "func") throw new CompileError(def.line, `${def.name} is not a function`);
        const isStatic = def.storage.includes("static");
        const same = this.fnsByName.get(def.name) ?? [];
        const clash = same.find((f) => !isStatic && !f.isStatic);
        if (clash) throw new CompileError(def.line, `${def.name}() is defined twice (also at ${clash.file}:${clash.line})`);
        const base = this.nextText;
        this.nextText += 64n;
        const code = {
          name: def.name,
          file: def.file,
          line: def.line,
          endLine: def.endLine,
          isStatic,
          type: t,
          loc: { file: def.file, line: def.line, function: def.name },
          nSlots: 0,
          localNames: [],
          ownedSlots: [],
          frameBytes: 0,
          mayBlock: this.forceGen,
          run: null,
          runGen: null,
          trap: null,
          region: null
        };
        code.region = new FunctionRegion(def.name, t, base, { kind: "model", fn: code });
        same.push(code);
        this.fnsByName.set(def.name, same);
        this.fns.push(code);
        this.defs.set(code, def);
      }
      declareGlobal(name2, t, init2, storage2, file, line) {
        const isStatic = storage2.includes("static");
        const extern = storage2.includes("extern");
        const list2 = this.globalsByName.get(name2) ?? [];
        const prev = list2.find((g2) => g2.isStatic === isStatic && (!isStatic || g2.info.file === file));
        if (prev) {
          if (init2 && prev.init) throw new CompileError(line, `\`${name2}\` is defined twice (also at ${prev.info.file}:${prev.info.line})`);
          if (init2) {
            prev.init = init2;
            prev.extern = false;
          }
          return;
        }
        if (t.k === "struct" && !this.types.layoutOf(t.name)?.complete) throw new CompileError(line, `\`${name2}\` has incomplete type struct ${t.name}`);
        const g = { info: { name: name2, t, index: this.globals.length, file, line }, init: init2, isStatic, extern: extern && !init2, filler: null, value: null };
        this.globals.push(g);
        list2.push(g);
        this.globalsByName.set(name2, list2);
      }
      // ------------------------------------------------------------------------- types
      resolveType(spec, decl, line, cx) {
        return this.applyDecl(this.specType(spec, line, cx), decl, line, cx);
      }
      constCx(cx) {
        return cx ?? new FnCx(this, "<file scope>", "<file scope>", /* @__PURE__ */ new Set(), null);
      }
      specType(spec, line, cx) {
        switch (spec.k) {
          case "prim": {
            const t = primType(spec.words);
            if (!t) throw new CompileError(line, `unsupported type \`${spec.words.join(" ")}\``);
            return t;
          }
          case "name": {
            const t = this.types.typedefs.get(spec.name);
            if (!t) throw new CompileError(line, `unknown type name \`${spec.name}\``, { kind: "type", name: spec.name });
            return t;
          }
          case "struct": {
            const name2 = spec.name ?? `<anonymous ${spec.union ? "union" : "struct"} #${++this.anon}>`;
            if (spec.fields) {
              const members = [];
              for (const f of spec.fields) {
                if (!f.decl) {
                  members.push({ name: null, t: this.specType(f.spec, f.line, cx) });
                  continue;
                }
                const r = this.applyDecl(this.specType(f.spec, f.line, cx), f.decl, f.line, cx);
                members.push({ name: r.name, t: r.t });
              }
              this.types.defineStruct(name2, spec.union, members, cx?.file ?? "", spec.line);
            } else this.types.declareStruct(name2, spec.union, cx?.file ?? "", spec.line);
            return this.types.structType(name2);
          }
          case "enum": {
            const t = { k: "int", bits: 32, signed: true, name: spec.name ? `enum ${spec.name}` : "enum" };
            if (spec.items) {
              let next = 0;
              const c = this.constCx(cx);
              for (const it of spec.items) {
                if (it.value) next = Number(constValue(c, it.value, `value of ${it.name}`).v);
                this.types.enumConsts.set(it.name, { value: next, t: INT, file: c.file, line: it.line });
                next++;
              }
            }
            return t;
          }
        }
      }
      applyDecl(base, d, line, cx) {
        switch (d.k) {
          case "name":
            return { t: base, name: d.name };
          case "abstract":
            return { t: base, name: null };
          case "ptr":
            return this.applyDecl({ k: "ptr", to: base }, d.of, line, cx);
          case "array": {
            let len = 0;
            if (d.size) len = Number(constValue(this.constCx(cx), d.size, "array size").v);
            return this.applyDecl({ k: "array", of: base, len }, d.of, line, cx);
          }
          case "func": {
            const params = d.params.map((p) => {
              const t = this.resolveType(p.spec, p.decl, p.line, cx).t;
              if (t.k === "array") return { k: "ptr", to: t.of };
              if (t.k === "func") return { k: "ptr", to: t };
              return t;
            });
            return this.applyDecl({ k: "func", ret: base, params, variadic: d.variadic }, d.of, line, cx);
          }
        }
      }
      // ------------------------------------------------------------------------- lookups
      lookupFunction(name2, fromFile) {
        const list2 = this.fnsByName.get(name2);
        if (!list2) return void 0;
        return list2.find((f) => f.isStatic && f.file === fromFile) ?? list2.find((f) => !f.isStatic) ?? list2[0];
      }
      prototype(name2) {
        return this.protos.get(name2);
      }
      builtin(name2) {
        return this.builtinTargets.get(name2);
      }
      global(name2, fromFile) {
        const list2 = this.globalsByName.get(name2);
        if (!list2) return void 0;
        return (list2.find((g) => g.isStatic && g.info.file === fromFile) ?? list2.find((g) => !g.isStatic) ?? list2[0]).info;
      }
      missing(name2, t) {
        let m = this.missingTargets.get(name2);
        if (!m) {
          const base = this.nextText;
          this.nextText += 64n;
          m = { kind: "missing", name: name2, region: null };
          m.region = new FunctionRegion(name2, t, base, m);
          this.missingTargets.set(name2, m);
        }
        return m;
      }
      stringLiteral(value) {
        let p = this.strings.get(value);
        if (!p) {
          const vals = [...value].map((c) => c.charCodeAt(0));
          vals.push(0);
          const r = new ArrayRegion(`string "${clip(value, 40)}"`, { k: "int", bits: 8, signed: true, name: "char" }, 1, this.nextRodata, vals, true);
          this.nextRodata += BigInt(vals.length + 15) & ~15n;
          p = new Ptr(r, 0);
          this.strings.set(value, p);
        }
        return p;
      }
      // ------------------------------------------------------------------------- fragments
      parseFragment(text, line, file) {
        const key2 = `${file}\0${line}\0${text}`;
        const hit = this.fragments.get(key2);
        if (hit) return hit;
        const one = text.replace(/\\\n/g, " ").replace(/\n/g, " ");
        let base = fragmentCache.get(one);
        if (!base) {
          base = withTree(`void __lkml_fragment(void) { ${one} ; }`, (tree) => {
            const fn = tree.rootNode.namedChildren.find((c) => c?.type === "function_definition");
            const body2 = fn?.childForFieldName("body");
            if (!fn || !body2) return { error: "cannot parse" };
            const lw = new Lowerer("<fragment>", 0);
            let out2;
            try {
              out2 = lw.blockItems(body2);
            } catch (e) {
              if (e instanceof LowerError) return { error: e.message };
              throw e;
            }
            const errs = [...lw.problems, ...syntaxErrors(body2, 0)];
            if (errs.length) return { error: errs[0].message };
            while (out2.length && out2[out2.length - 1].k === "empty") out2.pop();
            return { stmts: out2 };
          });
          remember(fragmentCache, one, base);
        }
        if ("error" in base) throw new CompileError(line, `cannot parse \`${clip(text)}\`: ${base.error}`);
        const stmts = relocate(base.stmts, line);
        this.fragments.set(key2, stmts);
        return stmts;
      }
      restoreTypes(text) {
        return this.pp.restoreTypes(text);
      }
      loopUse(marker) {
        const u = this.pp.loopUses.get(marker);
        if (!u) return void 0;
        const def = this.macros.get(u.macro);
        return def ? { def, args: u.args, line: u.line } : void 0;
      }
      parseTypeText(text, line, file) {
        let stmts;
        try {
          stmts = this.parseFragment(`${text} __lkml_t`, line, file);
        } catch {
          return null;
        }
        const s = stmts[0];
        if (stmts.length !== 1 || !s || s.k !== "decl" || s.decls.length !== 1 || s.decls[0].name !== "__lkml_t") return null;
        return s.decls[0].type;
      }
      // ------------------------------------------------------------------------- builtins
      bindBuiltin(name2, b2) {
        const stmts = this.parseFragment(b2.proto.trim().replace(/;$/, ""), 0, "<builtins>");
        const s = stmts[0];
        if (!s || s.k !== "decl" || s.decls.length !== 1) throw new CompileError(0, `builtin ${name2}: cannot read prototype \`${b2.proto}\``);
        const d = s.decls[0];
        if (d.name !== name2) throw new CompileError(0, `builtin ${name2}: prototype names \`${d.name}\``);
        const { t } = this.resolveType(d.type.spec, d.type.decl, 0, null);
        if (t.k !== "func") throw new CompileError(0, `builtin ${name2}: prototype \`${b2.proto}\` is not a function`);
        const proto = this.protos.get(name2);
        if (proto && typeToString(proto) !== typeToString(t)) {
          this.diag({ severity: "warning", file: "<builtins>", line: 0, message: `builtin ${name2}: prototype \`${typeToString(t)}\` differs from the header's \`${typeToString(proto)}\`` });
        }
        if (this.fnsByName.has(name2)) {
          this.diag({ severity: "note", file: "<builtins>", line: 0, message: `builtin ${name2} is shadowed by the model's C definition` });
        }
        const isGenFn = b2.fn.constructor?.name === "GeneratorFunction";
        const base = this.nextText;
        this.nextText += 64n;
        const target = {
          kind: "builtin",
          name: name2,
          b: b2,
          type: t,
          blocking: !!b2.blocking || isGenFn,
          region: null,
          checkRet: returnChecker(name2, t.ret)
        };
        target.region = new FunctionRegion(name2, t, base, target);
        this.builtinTargets.set(name2, target);
      }
      // ------------------------------------------------------------------------- bodies
      compileFunctions() {
        for (const fn of this.fns) this.compileOne(fn);
        for (let round = 0; ; round++) {
          const newly2 = this.fns.filter((f) => !f.mayBlock && f.run === null);
          if (newly2.length === 0) break;
          const again = /* @__PURE__ */ new Set();
          for (const f of newly2) {
            f.mayBlock = true;
            for (const c of this.callers.get(f) ?? []) again.add(c);
          }
          for (const f of again) this.compileOne(f);
          if (round > this.fns.length + 2) throw new Error("may-block fixpoint did not converge");
        }
        if (this.opts.codegen !== false) for (const fn of this.fns) this.generate(fn);
      }
      /**
       * Replace a function's closure tree by generated JavaScript (jsgen.ts), once its shape (plain
       * or generator) and its callees' are final. Locals go into JavaScript variables unless some
       * part of the body runs as a closure (which reads them from the frame).
       */
      generate(fn) {
        const emit = this.bodies.get(fn);
        if (!emit || fn.trap !== null) return;
        const owned = new Set(fn.ownedSlots);
        const plain = [];
        for (let s = 0; s < fn.nSlots; s++) if (!owned.has(s)) plain.push(s);
        const isGen = fn.runGen !== null;
        try {
          for (const vars of [true, false]) {
            const g = new Gen(isGen, vars, plain);
            g.setParams(fn.type.params.length);
            const body2 = emit(g);
            if (vars && g.fallbacks > 0) continue;
            if (!vars) this.codegenInFrame.push(fn.name);
            const run2 = g.build(fn.name, body2);
            if (isGen) fn.runGen = run2;
            else fn.run = run2;
            return;
          }
        } catch (e) {
          this.codegenFailures.push({ fn: fn.name, error: e instanceof Error ? e.message : String(e) });
        }
      }
      compileOne(fn) {
        const def = this.defs.get(fn);
        const cells = this.cells.get(fn) ?? /* @__PURE__ */ new Set();
        this.cells.set(fn, cells);
        let cx;
        let body2 = null;
        for (; ; ) {
          cx = new FnCx(this, def.file, def.name, cells, fn, fn.type.ret);
          for (const l of collectLabels(def.body)) cx.allLabels.add(l);
          try {
            body2 = compileFunctionBody(cx, def, fn.type);
          } catch (e) {
            if (e instanceof NeedCell) {
              if (cells.has(e.name)) throw new Error(`internal: ${e.name} already a cell`);
              cells.add(e.name);
              continue;
            }
            if (e instanceof CompileError) cx.errors.push(e);
            else throw e;
          }
          break;
        }
        fn.nSlots = cx.nSlots;
        fn.localNames = cx.localNames;
        fn.ownedSlots = cx.ownedSlots;
        fn.frameBytes = cx.frameBytes;
        for (const callee of cx.callees) {
          const set = this.callers.get(callee) ?? /* @__PURE__ */ new Set();
          set.add(fn);
          this.callers.set(callee, set);
        }
        const errors = cx.errors.map((e) => ({ severity: "error", file: def.file, line: e.line, function: def.name, message: e.message, ...e.unknown ? { unknown: e.unknown } : {}, ...e.callee ? { callee: e.callee } : {} }));
        for (const p of this.problems) {
          if (p.file === def.file && p.line >= def.line && p.line <= def.endLine && !errors.some((x) => x.line === p.line)) {
            errors.push({ severity: "error", file: p.file, line: p.line, function: def.name, message: p.message });
          }
        }
        errors.sort((a, b2) => a.line - b2.line);
        this.fnErrors.set(fn, errors);
        this.fnUnresolved.set(fn, cx.unresolved.map((u) => ({ name: u.name, file: def.file, line: u.line, function: def.name })));
        if (errors.length || !body2) {
          this.bodies.delete(fn);
          const first = errors[0];
          const msg = `${def.name}() does not compile: ${first ? `${first.file}:${first.line}: ${first.message}` : "unknown error"}`;
          fn.trap = msg;
          fn.run = (f) => f.t.notModelled(msg);
          fn.runGen = null;
          return;
        }
        fn.trap = null;
        fn.run = body2.run;
        fn.runGen = body2.runGen;
        this.bodies.set(fn, body2.emit);
      }
      compileGlobalInit(g) {
        if (!g.init) return;
        const cx = new FnCx(this, g.info.file, `<initialiser of ${g.info.name}>`, /* @__PURE__ */ new Set(), null);
        const t = g.info.t;
        if (t.k === "struct" || t.k === "array") {
          const filler = compileInitFiller(cx, t, g.init, g.info.line);
          if (filler.gv) throw new CompileError(g.info.line, `initialiser of ${g.info.name} calls something that may block`);
          g.filler = filler;
          return;
        }
        let e = g.init;
        while (e.k === "list") {
          if (e.items.length !== 1) throw new CompileError(g.info.line, `braced initialiser for scalar \`${g.info.name}\``);
          e = e.items[0].value;
        }
        const c = convert(compileRvalue(cx, e.e), t, "init", `initialiser of \`${g.info.name}\``);
        if (!c.ev) throw new CompileError(g.info.line, `initialiser of ${g.info.name} calls something that may block`);
        g.value = c.ev;
      }
      /** Diagnostics of the latest compilation, function errors included, in file/line order. */
      allDiagnostics() {
        const out2 = [...this.diagnostics];
        for (const p of this.problems) {
          const inFn = this.fns.some((f) => f.file === p.file && p.line >= f.line && p.line <= f.endLine);
          if (!inFn) out2.push({ severity: "error", file: p.file, line: p.line, message: p.message });
        }
        for (const list2 of this.fnErrors.values()) out2.push(...list2);
        return out2;
      }
      unresolvedCalls() {
        const out2 = [];
        for (const f of this.fns) out2.push(...this.fnUnresolved.get(f) ?? []);
        return out2;
      }
    };
  }
});

// src/model/interp/thread.ts
function coerceArgs(tgt, args3) {
  const params = tgt.kind === "model" ? tgt.fn.type.params : tgt.kind === "builtin" ? tgt.type.params : [];
  return args3.map((v, i2) => params[i2] ? coerceValue(v, params[i2]) : v);
}
function coerceValue(v, t) {
  if (t.k !== "int" || v === UNINIT) return v;
  if (typeof v === "number" || typeof v === "bigint") return converterOf(t)(v);
  if (typeof v === "boolean") return converterOf(t)(v ? 1 : 0);
  return v;
}
function converterOf(t) {
  let c = converters.get(t);
  if (!c) converters.set(t, c = converter(t));
  return c;
}
function localTable(fn) {
  let t = localTables.get(fn.localNames);
  if (t) return t;
  const seen = /* @__PURE__ */ new Map();
  t = { names: [], slots: [], bySlot: /* @__PURE__ */ new Map() };
  fn.localNames.forEach((n, slot) => {
    if (n === null) return;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    const name2 = k === 1 ? n : `${n}#${k}`;
    t.names.push(name2);
    t.slots.push(slot);
    t.bySlot.set(name2, slot);
  });
  localTables.set(fn.localNames, t);
  return t;
}
function localValue(v) {
  if (v instanceof CellRegion) return v.value;
  if (v instanceof ArrayRegion) return new Ptr(v, 0);
  return v;
}
var Thread, converters, localTables, FrameView;
var init_thread = __esm({
  "src/model/interp/thread.ts"() {
    "use strict";
    init_api();
    init_ints();
    init_memory();
    init_runtime();
    Thread = class {
      constructor(m, id, name2) {
        this.m = m;
        this.id = id;
        this.name = name2;
        this.thread = { id, name: name2 };
        this.stackBase = ADDR.stacks + BigInt(id) * ADDR.stackStride;
      }
      m;
      id;
      name;
      thread;
      frames = [];
      sp = 0;
      stackBase;
      gen = null;
      state = "runnable";
      value = void 0;
      blockedOn = null;
      get mem() {
        return this.m.mem;
      }
      get steps() {
        return this.m.steps;
      }
      stack() {
        return this.frames.map((f) => f.fn.name);
      }
      loc() {
        const top = this.frames[this.frames.length - 1];
        return top ? top.loc : { file: "<runtime>", line: 0, function: "<runtime>" };
      }
      hazard(kind, detail) {
        this.m.addHazard(this, kind, detail);
      }
      trace(ev) {
        this.m.pushTrace(ev);
      }
      bug(message) {
        throw this.m.end("bug", message, this);
      }
      notModelled(what) {
        throw this.m.end("error", what, this);
      }
      endRun(verdict, detail) {
        throw this.m.end(verdict, detail, this);
      }
      setVerdict(verdict, detail) {
        this.m.marked = { verdict, detail };
      }
      *call(fn, args3) {
        const tgt = this.m.resolveTarget(fn, this);
        const ft = tgt.kind === "model" ? tgt.fn.type : tgt.kind === "builtin" ? tgt.type : null;
        if (ft && (args3.length < ft.params.length || !ft.variadic && args3.length > ft.params.length)) {
          return this.notModelled(`${typeof fn === "string" ? fn : formatValue(fn)}() takes ${ft.params.length} argument(s), ${args3.length} given`);
        }
        const r = yield* invokeTarget(this, tgt, coerceArgs(tgt, args3));
        if (r === UNINIT && tgt.kind === "model" && (tgt.fn.type.ret.k === "int" || tgt.fn.type.ret.k === "ptr")) {
          const f = tgt.fn;
          return this.bug(`${f.name}() (${f.file}:${f.line}) returns an uninitialised value, and its caller in the runtime uses it`);
        }
        return r;
      }
      preemptPoint(op, args3) {
        return this.m.preempting ? this.m.preemptAt(this, op, args3, false) : null;
      }
      callSync(fn, args3) {
        const it = this.call(fn, args3);
        const step = it.next();
        if (!step.done) return this.notModelled(`${typeof fn === "string" ? fn : "function pointer"} blocked inside callSync`);
        return step.value;
      }
    };
    converters = /* @__PURE__ */ new WeakMap();
    localTables = /* @__PURE__ */ new WeakMap();
    FrameView = class {
      constructor(f) {
        this.f = f;
        this.t = localTable(f.fn);
      }
      f;
      t;
      get function() {
        return this.f.fn.name;
      }
      get names() {
        return this.t.names.filter((_n, i2) => this.f.v[this.t.slots[i2]] !== void 0);
      }
      get(name2) {
        const s = this.t.bySlot.get(name2);
        if (s === void 0 || this.f.v[s] === void 0) return void 0;
        return localValue(this.f.v[s]);
      }
      values() {
        const out2 = [];
        const { slots } = this.t;
        const v = this.f.v;
        for (let i2 = 0; i2 < slots.length; i2++) {
          const x = v[slots[i2]];
          if (x !== void 0) out2.push(localValue(x));
        }
        return out2;
      }
      entries() {
        const out2 = [];
        const { names, slots } = this.t;
        const v = this.f.v;
        for (let i2 = 0; i2 < names.length; i2++) {
          const x = v[slots[i2]];
          if (x !== void 0) out2.push([names[i2], localValue(x)]);
        }
        return out2;
      }
    };
  }
});

// src/model/interp/machine.ts
var DEFAULT_BUDGETS, LoopHeadAt, POLL_EVERY, PREEMPTED, Machine;
var init_machine = __esm({
  "src/model/interp/machine.ts"() {
    "use strict";
    init_api();
    init_memory();
    init_thread();
    init_runtime();
    DEFAULT_BUDGETS = {
      steps: 1e7,
      callDepth: 256,
      stackBytes: 1 << 20,
      memoryBytes: 256 << 20,
      regions: 1e6
    };
    LoopHeadAt = class {
      constructor(f, site, threads) {
        this.f = f;
        this.threads = threads;
        this.id = site.id;
        this.kind = site.kind;
        this.loc = site.loc;
        this.thread = f.t.thread.name;
      }
      f;
      threads;
      id;
      kind;
      loc;
      thread;
      view = null;
      get locals() {
        return this.view ??= new FrameView(this.f);
      }
      get othersRunnable() {
        const me = this.f.t;
        return this.threads.filter((t) => t !== me && (t.state === "runnable" || t.state === "blocked" && t.blockedOn.ready())).map((t) => t.name);
      }
    };
    POLL_EVERY = 1 << 16;
    PREEMPTED = { blockedOn: { name: "preemption point", holder: () => null, ready: () => true } };
    Machine = class {
      constructor(program, opts = {}) {
        this.program = program;
        this.opts = opts;
        this.budgets = { ...DEFAULT_BUDGETS, ...opts.budgets };
        this.maxDepth = this.budgets.callDepth;
        this.stackBytes = this.budgets.stackBytes;
        const h = opts.hooks ?? {};
        this.loopHooked = !!h.onLoopHead;
        const hooks = !!(h.onCall || h.onReturn);
        this.callHooked = hooks || !!opts.traceCalls;
        this.builtinsReported = hooks && opts.callHookScope?.builtins !== false;
        this.intercepting = !!opts.intercept && opts.intercept.names.size > 0;
        this.preempting = !!opts.preempt;
        this.builtinHooked = hooks && opts.callHookScope?.builtins !== false || this.intercepting || this.preempting;
        this.hookNames = opts.callHookScope?.names ? new Set(opts.callHookScope.names) : null;
        if (h.onSteps) this.nextHook = h.onSteps.every;
        this.mem = opts.mem ?? new DefaultAddressSpace();
        this.nextPoll = POLL_EVERY;
        this.checkAt = Math.min(this.budgets.steps + 1, this.nextHook, this.nextPoll);
        this.boot = new Thread(this, 0, "<init>");
        for (const fn of program.fns) this.mem.register(fn.region);
        for (const b2 of program.builtinTargets.values()) this.mem.register(b2.region);
        for (const m of program.missingTargets.values()) this.mem.register(m.region);
        for (const s of program.strings.values()) this.mem.register(s.region);
        this.initGlobals();
      }
      program;
      opts;
      steps = 0;
      checkAt = 0;
      budgets;
      maxDepth;
      stackBytes;
      loopHooked;
      callHooked;
      builtinHooked;
      intercepting;
      preempting;
      hookNames;
      /** onCall/onReturn hooks see builtin calls (the scope asks for them). */
      builtinsReported;
      globals = [];
      /** The run's AddressSpace, exactly the object given in the options (ExecCtx.mem). */
      mem;
      hazards = [];
      trace = [];
      marked = null;
      /** Bytes the interpreter allocated itself (globals, compound literals). */
      allocBytes = 0;
      threadCount = 0;
      nextPoll = 0;
      threads = [];
      current = null;
      nextHook = Number.POSITIVE_INFINITY;
      onceSeen = /* @__PURE__ */ new Map();
      boot;
      initError = null;
      ran = false;
      /** The runtime's context before the run (creating objects, calling model code to set up). */
      get ctx() {
        return this.boot;
      }
      /** Address of a global variable (to read or set it from TypeScript). */
      global(name2) {
        const g = this.program.global(name2, "");
        if (!g) throw new Error(`no global ${name2}`);
        const o = this.globals[g.index];
        if (o instanceof LocalStruct) return o.self;
        return new Ptr(o, 0);
      }
      initGlobals() {
        const types = this.program.types;
        const decls = this.program.globals;
        for (const g of decls) {
          const t = g.info.t;
          const base = this.allocate(storageBytes(t, types));
          const name2 = `global ${g.info.name}`;
          if (t.k === "struct" || t.k === "array") {
            const o = newValue(t, types, base, name2, "zero");
            this.globals[g.info.index] = o;
            this.mem.register(o instanceof LocalStruct ? o.self.region : o);
          } else {
            const c = new CellRegion(name2, t, storageBytes(t, types), base, zeroScalar(t, types));
            this.globals[g.info.index] = c;
            this.mem.register(c);
          }
        }
        const init2 = this.bootFrame();
        try {
          for (const g of decls) {
            if (g.filler) g.filler.ev(this.globals[g.info.index], init2);
            else if (g.value) this.globals[g.info.index].value = g.value(init2);
          }
        } catch (e) {
          if (e instanceof RunEnd) this.initError = e;
          else throw e;
        }
      }
      bootFrame() {
        const fn = {
          name: "<init>",
          file: "<init>",
          line: 0,
          endLine: 0,
          isStatic: true,
          type: { k: "func", ret: { k: "void" }, params: [], variadic: false },
          loc: { file: "<init>", line: 0, function: "<init>" },
          nSlots: 0,
          localNames: [],
          ownedSlots: [],
          frameBytes: 0,
          mayBlock: false,
          run: null,
          runGen: null,
          trap: null,
          region: null
        };
        return new Frame(fn, this.boot);
      }
      // ------------------------------------------------------------------------- MachineCore
      checkpoint(f) {
        if (this.steps > this.budgets.steps) {
          this.overBudget("steps", `step budget of ${this.budgets.steps} statements exhausted in ${f.fn.name}() at ${f.loc.file}:${f.loc.line}`);
        }
        const h = this.opts.hooks?.onSteps;
        if (h && this.steps >= this.nextHook) {
          this.nextHook += Math.max(1, h.every);
          h.fn(this.steps, f.t);
        }
        if (this.steps >= this.nextPoll) {
          this.nextPoll += POLL_EVERY;
          this.checkMemory();
        }
        this.checkAt = Math.min(this.budgets.steps + 1, this.nextHook, this.nextPoll);
      }
      /** Memory budget: what the interpreter allocated plus what a DefaultAddressSpace reports. */
      checkMemory() {
        const d = this.mem instanceof DefaultAddressSpace ? this.mem : null;
        const bytes = this.allocBytes + (d ? d.allocatedBytes : 0);
        if (bytes > this.budgets.memoryBytes) this.overBudget("memory", `more than ${this.budgets.memoryBytes} bytes of model memory`);
        if (d && d.regions().length > this.budgets.regions) this.overBudget("memory", `more than ${this.budgets.regions} regions`);
      }
      ptrAt(addr2, elem) {
        const a = BigInt.asUintN(64, addr2);
        if (a >= ADDR.stacks && a < ADDR.stacks + ADDR.stackStride * BigInt(this.threadCount + 1)) return this.stackPtr(a) ?? wildPtr(a);
        return this.mem.ptrAt(a, elem);
      }
      allocate(bytes) {
        this.allocBytes += bytes;
        if (this.allocBytes > this.budgets.memoryBytes) this.checkMemory();
        return this.mem.allocate(bytes);
      }
      loopHead(f, site) {
        this.opts.hooks.onLoopHead(f.t, new LoopHeadAt(f, site, this.threads));
      }
      onCallFrame(t, nf) {
        const name2 = nf.fn.name;
        const n = nf.fn.type.params.length;
        if (this.opts.traceCalls) {
          const args3 = new Array(n);
          for (let i2 = 0; i2 < n; i2++) args3[i2] = formatValue(nf.v[i2]);
          this.pushTrace({ t: "call", fn: name2, depth: t.frames.length, thread: t.thread.name, args: args3 });
        }
        if (this.hookNames && !this.hookNames.has(name2)) return;
        if (this.opts.hooks?.onCall) this.opts.hooks.onCall(t, name2, "model", nf.v.slice(0, n));
      }
      onCall(t, name2, kind, args3) {
        if (this.opts.traceCalls && kind === "model") {
          this.pushTrace({ t: "call", fn: name2, depth: t.frames.length, thread: t.thread.name, args: args3.map((a) => formatValue(a)) });
        }
        if (kind === "builtin" && !this.builtinsReported) return;
        if (this.hookNames && !this.hookNames.has(name2)) return;
        this.opts.hooks?.onCall?.(t, name2, kind, args3);
      }
      onReturn(t, name2, kind, value) {
        if (this.opts.traceCalls && kind === "model") {
          this.pushTrace({ t: "return", fn: name2, depth: t.frames.length + 1, thread: t.thread.name, value: formatValue(value) });
        }
        if (kind === "builtin" && !this.builtinsReported) return;
        if (this.hookNames && !this.hookNames.has(name2)) return;
        this.opts.hooks?.onReturn?.(t, name2, kind, value);
      }
      hazardAt(t, site, kind, detail, once) {
        if (once) {
          let seen = this.onceSeen.get(kind);
          if (!seen) this.onceSeen.set(kind, seen = /* @__PURE__ */ new Set());
          if (seen.has(site)) return;
          seen.add(site);
        }
        this.addHazard(t, kind, detail, site.loc);
      }
      addHazard(t, kind, detail, loc) {
        const at2 = loc ?? t.loc();
        const h = { kind, function: at2.function, detail, stack: t.stack(), loc: at2 };
        this.hazards.push(h);
        this.pushTrace({ t: "hazard", index: this.hazards.length - 1 });
        this.opts.hooks?.onHazard?.(h);
      }
      pushTrace(ev) {
        this.trace.push(ev);
        this.opts.hooks?.onTrace?.(ev);
      }
      overBudget(which, detail) {
        throw this.end("budget", detail, this.current ?? this.boot, { budget: which });
      }
      end(verdict, detail, t, extra = {}) {
        const stack = t.frames.map((f) => ({ function: f.fn.name, file: f.fn.file, line: f.loc.line }));
        return new RunEnd(verdict, detail, t.thread.name, stack, extra);
      }
      /** Pointer to a model local on some thread's stack (int -> pointer casts of stack addresses). */
      stackPtr(addr2) {
        for (const t of [this.boot, ...this.threads]) {
          if (addr2 < t.stackBase || addr2 >= t.stackBase + ADDR.stackStride) continue;
          for (const f of t.frames) {
            for (const s of f.fn.ownedSlots) {
              const o = f.v[s];
              const region = o instanceof LocalStruct ? o.self.region : o;
              if (!region) continue;
              const end = region.base + BigInt(region.length * region.elemSize);
              if (addr2 >= region.base && addr2 < end) {
                const rel = addr2 - region.base;
                return new Ptr(region, Number(rel / BigInt(region.elemSize)), Number(rel % BigInt(region.elemSize)));
              }
            }
          }
        }
        return null;
      }
      resolveTarget(fn, t) {
        if (typeof fn !== "string") {
          if (fn instanceof Ptr && fn.region instanceof FunctionRegion && fn.index === 0 && fn.byteOffset === 0) return fn.region.target;
          return t.notModelled(`call through ${formatValue(fn)}, which is not a function`);
        }
        let tgt = this.byName.get(fn);
        if (!tgt) {
          const code = this.program.lookupFunction(fn, "");
          const b2 = code ? void 0 : this.program.builtin(fn);
          if (!code && !b2) return t.notModelled(`calls \`${fn}()\`, which the model does not have`);
          this.byName.set(fn, tgt = code ? { kind: "model", fn: code } : b2);
        }
        return tgt;
      }
      /** Call targets by name, for ExecCtx.call from the runtime (the program does not change). */
      byName = /* @__PURE__ */ new Map();
      // ------------------------------------------------------------------------- faults, preemption
      interceptBuiltin(t, b2, vals) {
        const ic = this.opts.intercept;
        if (!ic.names.has(b2.name)) return null;
        const x = ic.call(t, b2.name, "builtin", vals);
        for (let i2 = 0; i2 < vals.length && i2 < b2.type.params.length; i2++) vals[i2] = coerceValue(vals[i2], b2.type.params[i2]);
        return x && { value: coerceValue(x.value, b2.type.ret) };
      }
      preemptAt(t, op, args3, builtin) {
        const p = this.opts.preempt;
        if (builtin && !p.names.has(op)) return null;
        return p.at(t, op, args3, () => this.others(t)) ? PREEMPTED : null;
      }
      /** Threads other than `t` that could run now. */
      others(t) {
        return this.threads.filter((x) => x !== t && (x.state === "runnable" || x.state === "blocked" && x.blockedOn.ready())).map((x) => x.thread);
      }
      /**
       * An intercepted model function is offered its call before its body runs: its FnCode's entry
       * points are wrapped for this run and put back after it (a Machine runs to the end in one go,
       * so no other run of the program sees them).
       */
      wrapIntercepted() {
        const ic = this.opts.intercept;
        if (!ic || !this.intercepting) return () => void 0;
        const undo = [];
        for (const fn of this.program.fns) {
          if (!ic.names.has(fn.name) || fn.trap !== null) continue;
          const { run: run2, runGen } = fn;
          const offer = (nf) => {
            const params = fn.type.params;
            const args3 = nf.v.slice(0, params.length);
            const x = ic.call(nf.t, fn.name, "model", args3);
            for (let i2 = 0; i2 < params.length; i2++) nf.v[i2] = coerceValue(args3[i2], params[i2]);
            return x && { value: coerceValue(x.value, fn.type.ret) };
          };
          if (run2) fn.run = (nf) => {
            const x = offer(nf);
            return x ? x.value : run2(nf);
          };
          if (runGen) fn.runGen = function* (nf) {
            const x = offer(nf);
            return x ? x.value : yield* runGen(nf);
          };
          undo.push(() => {
            fn.run = run2;
            fn.runGen = runGen;
          });
        }
        return () => undo.forEach((u) => u());
      }
      // ------------------------------------------------------------------------- scheduler
      run(specs) {
        if (this.ran) throw new Error("a Machine runs once; make a new one");
        this.ran = true;
        if (this.initError) return this.result(this.initError, null);
        this.threads = specs.map((s, i2) => new Thread(this, i2 + 1, s.name));
        this.threadCount = this.threads.length;
        let lastBlocked = null;
        let cur = 0;
        const unwrap = this.wrapIntercepted();
        try {
          this.threads.forEach((t, i2) => t.gen = this.entryGen(t, specs[i2]));
          let previous = null;
          for (; ; ) {
            const i2 = this.pick(cur, previous);
            if (i2 < 0) break;
            previous = this.threads[i2].thread;
            const t = this.threads[i2];
            this.current = t;
            t.state = "runnable";
            t.blockedOn = null;
            if (++this.steps > this.budgets.steps) this.overBudget("steps", `step budget of ${this.budgets.steps} exhausted while switching threads`);
            const r = t.gen.next();
            if (r.done) {
              t.state = "done";
              t.value = r.value;
            } else {
              t.state = "blocked";
              t.blockedOn = r.value.blockedOn;
              lastBlocked = t;
            }
            cur = (i2 + 1) % this.threads.length;
          }
        } catch (e) {
          if (e instanceof RunEnd) return this.result(e, null);
          if (this.opts.rethrowInternalErrors) throw e;
          const t = this.current ?? this.boot;
          const err2 = e instanceof Error ? e : new Error(String(e));
          return this.result(this.end("error", `internal error: ${err2.message}`, t), err2);
        } finally {
          this.current = null;
          unwrap();
        }
        const stuck = this.threads.filter((t) => t.state === "blocked");
        if (stuck.length === 0) {
          const v = this.marked?.verdict ?? "completed";
          return this.result(new RunEnd(v, this.marked?.detail ?? "", null, []), null);
        }
        return this.deadlock(lastBlocked ?? stuck[0], stuck);
      }
      /** Next thread at or after `from` (cyclically) that can run, or the scheduler option's choice. */
      pick(from, previous) {
        const n = this.threads.length;
        const can = [];
        for (let k = 0; k < n; k++) {
          const i3 = (from + k) % n;
          const t = this.threads[i3];
          if (t.state === "runnable" || t.state === "blocked" && t.blockedOn.ready()) {
            if (!this.opts.scheduler) return i3;
            can.push(i3);
          }
        }
        if (can.length === 0) return -1;
        const chosen = this.opts.scheduler(can.map((i3) => this.threads[i3].thread), previous, can.map((i3) => this.threads[i3].blockedOn));
        const i2 = can.find((x) => this.threads[x].id === chosen.id);
        if (i2 === void 0) throw new Error(`scheduler chose ${chosen.name}, which cannot run now`);
        return i2;
      }
      entryGen(t, spec) {
        const entry = spec.entry;
        if (typeof entry === "function") {
          return (function* () {
            const r = entry(t);
            if (r !== null && typeof r === "object" && typeof r.next === "function" && typeof r.throw === "function") {
              return yield* r;
            }
            return r;
          })();
        }
        return t.call(entry, spec.args ?? []);
      }
      deadlock(last, stuck) {
        const byId = new Map(this.threads.map((t) => [t.id, t]));
        const link = (t) => {
          const w = t.blockedOn;
          const h = w.holder();
          return { thread: t.name, waitsFor: w.name, holder: h ? h.name : null };
        };
        const chain = [];
        const seen = /* @__PURE__ */ new Set();
        for (let t = last; t && !seen.has(t) && t.state === "blocked"; ) {
          seen.add(t);
          const l = link(t);
          chain.push(l);
          const h = t.blockedOn.holder();
          t = h ? byId.get(h.id) : void 0;
        }
        const text = chain.map((l) => `${l.thread} waits for ${l.waitsFor}${l.holder ? ` held by ${l.holder === l.thread ? `${l.holder} (itself)` : l.holder}` : " (no holder)"}`).join("; ");
        const stack = last.frames.map((f) => ({ function: f.fn.name, file: f.fn.file, line: f.loc.line }));
        const r = this.result(new RunEnd("deadlock", text, last.name, stack), null);
        r.waitChain = chain;
        r.blocked = stuck.map(link);
        return r;
      }
      result(end, internal) {
        const top = end.stack[end.stack.length - 1];
        const r = {
          verdict: end.verdict,
          detail: end.detail,
          threads: this.threads.map((t) => ({
            name: t.name,
            state: t.state,
            value: t.value,
            ...t.blockedOn ? { blockedOn: t.blockedOn.name } : {}
          })),
          value: this.threads[0]?.value,
          steps: this.steps,
          hazards: this.hazards,
          trace: this.trace
        };
        if (end.thread !== null) r.thread = end.thread;
        if (end.stack.length) {
          r.stack = end.stack;
          r.loc = { file: top.file, line: top.line, function: top.function };
        }
        if (end.extra.budget) r.budget = end.extra.budget;
        if (internal) r.internal = internal;
        return r;
      }
    };
  }
});

// src/model/interp/program.ts
function compileProgramSync(opts) {
  const pc = new ProgramCompiler(opts);
  pc.compile();
  return new Program(pc);
}
var Program;
var init_program = __esm({
  "src/model/interp/program.ts"() {
    "use strict";
    init_api();
    init_compiler();
    init_ctypes();
    init_machine();
    init_memory();
    init_ts_parser();
    Program = class {
      /** @internal */
      constructor(compiler) {
        this.compiler = compiler;
      }
      compiler;
      get functions() {
        return this.compiler.fns.map((f) => ({
          name: f.name,
          file: f.file,
          line: f.line,
          endLine: f.endLine,
          isStatic: f.isStatic,
          signature: typeToString(f.type).replace("(", `${f.name}(`),
          mayBlock: f.mayBlock,
          error: f.trap
        }));
      }
      /** Everything the preprocessor and compiler said, in source order. */
      get diagnostics() {
        return this.compiler.allDiagnostics().sort((a, b2) => a.file === b2.file ? a.line - b2.line : a.file < b2.file ? -1 : 1);
      }
      get errors() {
        return this.diagnostics.filter((d) => d.severity === "error");
      }
      /** Calls to functions the model has neither as C nor as a builtin (each traps when reached). */
      get unresolvedCalls() {
        return this.compiler.unresolvedCalls();
      }
      get structs() {
        return this.compiler.types.structs;
      }
      get typedefs() {
        return this.compiler.types.typedefs;
      }
      get macros() {
        return this.compiler.macros;
      }
      get enums() {
        return this.compiler.types.enumConsts;
      }
      /** Names of the builtins the runtime supplied (bound by prototype). */
      get builtins() {
        return [...this.compiler.builtinTargets.keys()];
      }
      /** A machine for one run: set up runtime state through `machine.ctx`/`machine.mem`, then `run`. */
      machine(opts = {}) {
        return new Machine(this.compiler, opts);
      }
      run(opts) {
        return this.machine(opts).run(opts.threads);
      }
      /** A zero-filled struct object of a type the model headers define, registered in `mem`. */
      newStruct(name2, mem, label = `struct ${name2}`) {
        const layout = this.compiler.types.layoutOf(name2);
        if (!layout || !layout.complete) throw new Error(`struct ${name2} is not defined by the model headers`);
        const o = new LocalStruct(layout, mem.allocate(Math.max(1, layout.size)), label, "zero");
        mem.register(o.self.region);
        return o;
      }
      /** Pointer to a model function or builtin (for function-pointer fields set from TypeScript). */
      functionPtr(name2) {
        const f = this.compiler.lookupFunction(name2, "");
        if (f) return new Ptr(f.region, 0);
        const b2 = this.compiler.builtin(name2);
        if (b2) return new Ptr(b2.region, 0);
        throw new Error(`no function ${name2}`);
      }
      /** The type a C type name denotes here (`struct page *`, `pte_t`, `unsigned long`). */
      typeOf(text) {
        const tn = this.compiler.parseTypeText(text, 0, "<typeOf>");
        if (!tn) throw new Error(`not a type: ${text}`);
        return this.compiler.resolveType(tn.spec, tn.decl, 0, null).t;
      }
    };
  }
});

// src/model/interp/index.ts
var init_interp = __esm({
  "src/model/interp/index.ts"() {
    "use strict";
    init_api();
    init_program();
    init_compiler();
    init_machine();
    init_memory();
    init_ctypes();
    init_source_outline();
    init_ts_parser();
  }
});

// src/model/kernel/builtins/pgtable.ts
function pte(ctx, v, what = "pte") {
  if (v instanceof Pte) return v;
  return ctx.bug(`${what} is not a pte_t value`);
}
function pmd(ctx, v, what = "pmd") {
  if (v instanceof Pmd) return v;
  return ctx.bug(`${what} is not a pmd_t value`);
}
function upper(ctx, v, what) {
  if (v instanceof UpperEntry) return v;
  return ctx.bug(`${what} is not a page-table entry of an upper level`);
}
function swp(ctx, v) {
  if (v instanceof SwpEntry) return v;
  return ctx.bug("not a swp_entry_t value");
}
function prot(ctx, v) {
  if (v instanceof PgProt) return v;
  return ctx.bug("not a pgprot_t value");
}
function slotOf(ctx, p, level, what) {
  if (p instanceof Ptr && p.region instanceof PageTable) {
    const want = level === "p4d" ? "pgd" : level;
    if (p.region.level !== want) return ctx.bug(`${what} points into a ${p.region.level} table, not a ${want} table`);
    if (p.index < 0 || p.index >= 512) return ctx.bug(`${what} is out of its page table (index ${p.index})`);
    return { table: p.region, i: p.index };
  }
  if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  return ctx.bug(`${what} is not a page-table pointer`);
}
function childTable(k, e) {
  return k.tablesByPfn.get(e.tableId);
}
function withBits(p, f) {
  if (p.v.k !== "present") return p;
  return Pte.present(p.v.pfn, { ...p.v.bits, ...f(p.v.bits) });
}
function pteLock(ctx, k, pmdp) {
  const s = slotOf(ctx, pmdp, "pmd", "pmd");
  const v = s.table.entries[s.i].v;
  if (v.k !== "table") return ctx.bug(`pte lock of a pmd that maps no pte table (${s.table.entries[s.i].describe()})`);
  return k.tablesByPfn.get(v.tablePfn);
}
function makeEntry(type, offset) {
  return new SwpEntry(type, offset);
}
function pgtableBuiltins() {
  const t = new TableBuilder("include/linux/pgtable.h");
  t.fn("pgd_t *pgd_offset(struct mm_struct *mm, unsigned long address)", (ctx, mmp, addr2) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    return mm.pt.pgd.ptr(indexAt("pgd", addr2));
  }).fn("bool pgd_present(pgd_t pgd)", (ctx, v) => b(upper(ctx, v, "pgd").present)).fn("bool pgd_none(pgd_t pgd)", (ctx, v) => b(!upper(ctx, v, "pgd").present)).fn("bool pgd_bad(pgd_t pgd)", (ctx, v) => (upper(ctx, v, "pgd"), 0)).fn("unsigned long pgd_val(pgd_t pgd)", (ctx) => ctx.notModelled("pgd_val: raw page-table entry values")).fn("unsigned long p4d_val(p4d_t p4d)", (ctx) => ctx.notModelled("p4d_val: raw page-table entry values")).fn("unsigned long pud_val(pud_t pud)", (ctx) => ctx.notModelled("pud_val: raw page-table entry values")).fn("unsigned long pmd_val(pmd_t pmd)", (ctx) => ctx.notModelled("pmd_val: raw page-table entry values")).fn("spinlock_t *pud_lock(struct mm_struct *mm, pud_t *pud)", (ctx) => ctx.notModelled("pud_lock: huge puds")).fn("p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)", (ctx, p) => {
    const s = slotOf(ctx, p, "pgd", "pgd");
    return s.table.ptr(s.i);
  }).fn("bool p4d_present(p4d_t p4d)", (ctx, v) => b(upper(ctx, v, "p4d").present)).fn("bool p4d_none(p4d_t p4d)", (ctx, v) => b(!upper(ctx, v, "p4d").present)).fn("bool p4d_bad(p4d_t p4d)", (ctx, v) => (upper(ctx, v, "p4d"), 0)).fn("pud_t *pud_offset(p4d_t *p4d, unsigned long address)", (ctx, p, addr2) => {
    const s = slotOf(ctx, p, "p4d", "p4d");
    const e = s.table.entries[s.i];
    if (!e.present) return ctx.bug("pud_offset of a p4d that is not present");
    return childTable(kernelOf(ctx), e).ptr(indexAt("pud", addr2));
  }).fn("bool pud_present(pud_t pud)", (ctx, v) => b(upper(ctx, v, "pud").present)).fn("bool pud_none(pud_t pud)", (ctx, v) => b(!upper(ctx, v, "pud").present)).fn("bool pud_bad(pud_t pud)", (ctx, v) => (upper(ctx, v, "pud"), 0)).fn("bool pud_huge(pud_t pud)", (ctx, v) => (upper(ctx, v, "pud"), 0)).fn("bool pud_devmap(pud_t pud)", (ctx, v) => (upper(ctx, v, "pud"), 0)).fn("bool pgd_none_or_clear_bad(pgd_t *pgd)", (ctx, p) => {
    const s = slotOf(ctx, p, "pgd", "pgd");
    return b(!s.table.entries[s.i].present);
  }).fn("bool p4d_none_or_clear_bad(p4d_t *p4d)", (ctx, p) => {
    const s = slotOf(ctx, p, "p4d", "p4d");
    return b(!s.table.entries[s.i].present);
  }).fn("bool pud_none_or_clear_bad(pud_t *pud)", (ctx, p) => {
    const s = slotOf(ctx, p, "pud", "pud");
    return b(!s.table.entries[s.i].present);
  }).fn("pmd_t *pmd_offset(pud_t *pud, unsigned long address)", (ctx, p, addr2) => {
    const s = slotOf(ctx, p, "pud", "pud");
    const e = s.table.entries[s.i];
    if (!e.present) return ctx.bug("pmd_offset of a pud that is not present");
    return childTable(kernelOf(ctx), e).ptr(indexAt("pmd", addr2));
  }).in("arch/x86/include/asm/pgtable.h").fn("bool pmd_none(pmd_t pmd)", (ctx, v) => b(pmd(ctx, v).v.k === "none")).fn("bool pmd_present(pmd_t pmd)", (ctx, v) => b(pmd(ctx, v).v.k !== "none")).fn("bool pmd_trans_huge(pmd_t pmd)", (ctx, v) => b(pmd(ctx, v).v.k === "huge")).fn("bool pmd_huge(pmd_t pmd)", (ctx, v) => b(pmd(ctx, v).v.k === "huge")).fn("bool pmd_devmap(pmd_t pmd)", (ctx, v) => (pmd(ctx, v), 0)).fn("bool pmd_bad(pmd_t pmd)", (ctx, v) => b(pmd(ctx, v).v.k === "huge")).fn("bool pmd_write(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    return b(x.k === "huge" && x.bits.write);
  }).fn("bool pmd_dirty(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    return b(x.k === "huge" && x.bits.dirty);
  }).fn("bool pmd_protnone(pmd_t pmd)", (ctx, v) => (pmd(ctx, v), 0)).fn("bool pmd_same(pmd_t a, pmd_t b)", (ctx, a, c) => b(pmd(ctx, a).equals(pmd(ctx, c)))).releasesOf({ until: "6.1" }).fn("bool is_swap_pmd(pmd_t pmd)", (ctx, v) => (pmd(ctx, v), 0)).releasesOf({}).fn("bool is_pmd_migration_entry(pmd_t pmd)", (ctx, v) => (pmd(ctx, v), 0)).fn("bool thp_migration_supported(void)", () => 1).fn("bool is_huge_zero_pmd(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    return b(x.k === "huge" && kernelOf(ctx).memmap.state(x.pfn).kind === "zero");
  }).fn("struct page *pmd_page(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    const k = kernelOf(ctx);
    if (x.k === "huge") return k.memmap.ptr(x.pfn);
    if (x.k === "table") return k.memmap.ptr(x.tablePfn);
    return ctx.bug("pmd_page of a none pmd");
  }).fn("bool pmd_trans_unstable(pmd_t *pmd)", (ctx, p) => {
    const s = slotOf(ctx, p, "pmd", "pmd");
    const v = s.table.entries[s.i].v;
    return b(v.k !== "table");
  }).fn("bool pmd_none_or_clear_bad_unless_trans_huge(pmd_t *pmd)", (ctx, p) => {
    const s = slotOf(ctx, p, "pmd", "pmd");
    return b(s.table.entries[s.i].v.k === "none");
  }).in("include/linux/mm.h").fn("spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd)", (ctx, _mm, p) => slotOf(ctx, p, "pmd", "pmd").table.lock.self).gen("spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd)", function* (ctx, _mm, p) {
    const l = slotOf(ctx, p, "pmd", "pmd").table.lock;
    yield* acquire(ctx, l);
    return l.self;
  }).fn("spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)", (ctx, _mm, p) => pteLock(ctx, kernelOf(ctx), p).lock.self).fn("int pte_alloc(struct mm_struct *mm, pmd_t *pmd)", (ctx, mmp, p) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    const s = slotOf(ctx, p, "pmd", "pmd");
    if (s.table.entries[s.i].v.k === "none") mm.pt.allocPteTable(s);
    return 0;
  }).releasesOf({ until: "6.5" }).fn("pte_t *pte_offset_map(pmd_t *pmd, unsigned long address)", (ctx, p, addr2) => pteLock(ctx, kernelOf(ctx), p).ptr(indexAt("pte", addr2))).gen("pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long address, spinlock_t **ptlp)", function* (ctx, _mm, p, addr2, ptlp) {
    const table = pteLock(ctx, kernelOf(ctx), p);
    const l = table.lock;
    if (!(ptlp instanceof Ptr)) return ctx.bug("pte_offset_map_lock: ptlp is not a pointer");
    ptlp.region.store(ptlp.index, l.self, ctx);
    yield* acquire(ctx, l);
    return table.ptr(indexAt("pte", addr2));
  }).releasesOf({}).fn("void pte_unmap(pte_t *pte)", () => void 0).fn("void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)", (ctx, _p, ptl) => {
    release(ctx, kernelOf(ctx).locks.resolve(ptl, ctx, "spinlock"));
    return void 0;
  }).fn("void assert_spin_locked(spinlock_t *lock)", (ctx, l) => {
    const lock = kernelOf(ctx).locks.resolve(l, ctx, "spinlock");
    if (lock.holders().length === 0) ctx.bug(`assert_spin_locked: ${lock.name} is not locked`);
    return void 0;
  }).in("arch/x86/include/asm/pgtable.h").fn("bool pte_none(pte_t pte)", (ctx, v) => b(pte(ctx, v).none)).fn("bool pte_present(pte_t pte)", (ctx, v) => b(pte(ctx, v).present)).fn("bool pte_write(pte_t pte)", (ctx, v) => b(pte(ctx, v).present && pte(ctx, v).v.bits.write)).fn("bool pte_dirty(pte_t pte)", (ctx, v) => b(pte(ctx, v).present && pte(ctx, v).v.bits.dirty)).fn("bool pte_young(pte_t pte)", (ctx, v) => b(pte(ctx, v).present && pte(ctx, v).v.bits.young)).fn("bool pte_soft_dirty(pte_t pte)", (ctx, v) => b(pte(ctx, v).present && pte(ctx, v).v.bits.softDirty)).fn("bool pte_uffd_wp(pte_t pte)", (ctx, v) => b(pte(ctx, v).present && pte(ctx, v).v.bits.uffdWp)).fn("bool pte_protnone(pte_t pte)", (ctx, v) => (pte(ctx, v), 0)).fn("bool pte_devmap(pte_t pte)", (ctx, v) => (pte(ctx, v), 0)).fn("bool pte_same(pte_t a, pte_t b)", (ctx, a, c) => b(pte(ctx, a).equals(pte(ctx, c)))).fn("unsigned long pte_pfn(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    if (x.k !== "present") return ctx.bug(`pte_pfn of a non-present pte (${pte(ctx, v).describe()})`);
    return BigInt(x.pfn);
  }).fn("struct page *pte_page(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    if (x.k !== "present") return ctx.bug("pte_page of a non-present pte");
    return kernelOf(ctx).memmap.ptr(x.pfn);
  }).fn("pte_t pte_mkold(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ young: false }))).fn("pte_t pte_mkyoung(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ young: true }))).fn("pte_t pte_mkdirty(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ dirty: true, softDirty: true }))).fn("pte_t pte_mksoft_dirty(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ softDirty: true }))).fn("pte_t pte_mkuffd_wp(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ uffdWp: true, write: false }))).fn("pte_t pte_clear_uffd_wp(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ uffdWp: false }))).fn("pte_t pte_wrprotect(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ write: false }))).releasesOf({ until: "6.6" }).fn("pte_t pte_mkwrite(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ write: true }))).releasesOf({ from: "6.6" }).fn("pte_t pte_mkwrite(pte_t pte, struct vm_area_struct *vma)", (ctx, v) => withBits(pte(ctx, v), () => ({ write: true }))).releasesOf({}).fn("pte_t pte_mk_savedwrite(pte_t pte)", (ctx, v) => withBits(pte(ctx, v), () => ({ write: true }))).fn("pte_t pte_modify(pte_t pte, pgprot_t newprot)", (ctx, v, np) => withBits(pte(ctx, v), () => ({ write: prot(ctx, np).write }))).fn("pte_t mk_pte(struct page *page, pgprot_t pgprot)", (ctx, p, pr) => {
    const s = pageOf(kernelOf(ctx).memmap, p, ctx, "mk_pte page");
    return Pte.present(s.pfn, { write: prot(ctx, pr).write, dirty: false, young: true, softDirty: false, uffdWp: false });
  }).in("include/linux/mm.h").fn("pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)", (ctx, v, vmap) => {
    const vma = asStruct(vmap, Vma, ctx, "vma");
    return (vma.flags & 0x2n) !== 0n ? withBits(pte(ctx, v), () => ({ write: true })) : pte(ctx, v);
  }).fn("struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)", (ctx, _vma, _a, v) => {
    const x = pte(ctx, v).v;
    if (x.k !== "present") return ctx.bug("vm_normal_page of a non-present pte");
    const k = kernelOf(ctx);
    if (k.memmap.state(x.pfn).kind === "zero") return null;
    return k.memmap.ptr(x.pfn);
  }).fn("void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)", (ctx, _mm, _a, p, v) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    s.table.entries[s.i] = pte(ctx, v);
    return void 0;
  }).fn("pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)", (ctx, _v, _a, p) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    const old = s.table.entries[s.i];
    s.table.entries[s.i] = Pte.NONE;
    return old;
  }).fn("pte_t ptep_modify_prot_start(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)", (ctx, _v, _a, p) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    const old = s.table.entries[s.i];
    s.table.entries[s.i] = Pte.NONE;
    return old;
  }).fn("void ptep_modify_prot_commit(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep, pte_t old_pte, pte_t pte)", (ctx, _v, _a, p, _o, v) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    s.table.entries[s.i] = pte(ctx, v);
    return void 0;
  }).releasesOf({ until: "6.1" }).fn("bool pte_unmap_same(struct mm_struct *mm, pmd_t *pmd, pte_t *page_table, pte_t orig_pte)", (ctx, _mm, _pmd, p, orig) => {
    const s = slotOf(ctx, p, "pte", "page_table");
    return b(s.table.entries[s.i].equals(pte(ctx, orig)));
  }).releasesOf({ from: "6.1" }).fn("bool pte_unmap_same(struct vm_fault *vmf)", (ctx, vmfp) => {
    const vmf = structAt(vmfp, ctx, "vmf");
    const s = slotOf(ctx, vmf.get("pte", ctx), "pte", "vmf->pte");
    return b(s.table.entries[s.i].equals(pte(ctx, vmf.get("orig_pte", ctx))));
  }).releasesOf({}).fn("void print_bad_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte, struct page *page)", (ctx, _v, a, v) => {
    ctx.hazard("bad-pte", `print_bad_pte at ${hex(a)}: ${pte(ctx, v).describe()}`);
    return void 0;
  }).releasesOf({ until: "6.1" }).fn(
    "int follow_pfn_pte(struct vm_area_struct *vma, unsigned long address, pte_t *pte, unsigned int flags)",
    (ctx) => ctx.notModelled("follow_pfn_pte: special ptes without a struct page")
  ).releasesOf({}).fn("void flush_cache_page(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn)", () => void 0).fn("void flush_cache_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)", () => void 0).fn("void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)", () => void 0).fn("void flush_tlb_batched_pending(struct mm_struct *mm)", () => void 0).fn("void inc_tlb_flush_pending(struct mm_struct *mm)", () => void 0).fn("void dec_tlb_flush_pending(struct mm_struct *mm)", () => void 0).fn("void update_mmu_cache(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)", () => void 0).fn("void arch_enter_lazy_mmu_mode(void)", () => void 0).fn("void arch_leave_lazy_mmu_mode(void)", () => void 0).fn("void count_vm_numa_events(int item, unsigned long delta)", () => void 0).in("include/linux/swapops.h").fn("bool is_swap_pte(pte_t pte)", (ctx, v) => b(pte(ctx, v).v.k === "swap")).fn("bool pte_swp_soft_dirty(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    return b(x.k === "swap" && x.softDirty);
  }).fn("bool pte_swp_uffd_wp(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    return b(x.k === "swap" && x.uffdWp);
  }).fn("pte_t pte_swp_mksoft_dirty(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    return x.k === "swap" ? Pte.swap(x.entry, true, x.uffdWp) : pte(ctx, v);
  }).fn("pte_t pte_swp_mkuffd_wp(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    return x.k === "swap" ? Pte.swap(x.entry, x.softDirty, true) : pte(ctx, v);
  }).fn("pte_t pte_swp_clear_uffd_wp(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    return x.k === "swap" ? Pte.swap(x.entry, x.softDirty, false) : pte(ctx, v);
  }).fn("swp_entry_t pte_to_swp_entry(pte_t pte)", (ctx, v) => {
    const x = pte(ctx, v).v;
    if (x.k !== "swap") return ctx.bug(`pte_to_swp_entry of ${pte(ctx, v).describe()}`);
    return x.entry;
  }).fn("pte_t swp_entry_to_pte(swp_entry_t entry)", (ctx, e) => Pte.swap(swp(ctx, e))).fn("unsigned long swp_offset(swp_entry_t entry)", (ctx, e) => swp(ctx, e).offset).fn("bool non_swap_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).isNonSwap)).fn("bool is_migration_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).isMigration)).fn("bool is_writable_migration_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).type === "migration-write")).fn("swp_entry_t make_readable_migration_entry(unsigned long offset)", (_ctx, o) => makeEntry("migration-read", o)).fn("bool is_device_private_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).isDevicePrivate)).fn("bool is_writable_device_private_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).type === "device-write")).fn("swp_entry_t make_readable_device_private_entry(unsigned long offset)", (_ctx, o) => makeEntry("device-read", o)).fn("bool is_hwpoison_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).type === "hwpoison")).fn("struct page *pfn_swap_entry_to_page(swp_entry_t entry)", (ctx, e) => {
    const s = swp(ctx, e);
    if (!s.isPfn) return ctx.bug(`pfn_swap_entry_to_page of ${s.describe()} (BUG_ON(!is_pfn_swap_entry))`);
    const k = kernelOf(ctx);
    const pfn = Number(s.offset);
    if (!k.memmap.exists(pfn)) return ctx.bug(`swap entry ${s.describe()} names no page`);
    return k.memmap.ptr(pfn);
  }).fn("void migration_entry_wait(struct mm_struct *mm, pmd_t *pmd, unsigned long address)", (ctx) => ctx.notModelled("migration_entry_wait: migration entries")).fn("void pmd_migration_entry_wait(struct mm_struct *mm, pmd_t *pmd)", (ctx) => ctx.notModelled("pmd_migration_entry_wait: PMD migration entries"));
  v61Entries(t);
  v613Entries(t);
  return t;
}
function v61Entries(t) {
  t.releasesOf({ from: "6.1" }).in("include/linux/swapops.h").fn("unsigned long swp_offset_pfn(swp_entry_t entry)", (ctx, e) => {
    const x = swp(ctx, e);
    if (!x.isPfn) return ctx.bug(`swp_offset_pfn of ${x.describe()} (VM_BUG_ON(!is_pfn_swap_entry))`);
    return x.offset;
  }).fn("bool is_pfn_swap_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).isPfn)).fn("bool is_pte_marker_entry(swp_entry_t entry)", (ctx, e) => (swp(ctx, e), 0)).fn("bool pte_marker_entry_uffd_wp(swp_entry_t entry)", (ctx, e) => (swp(ctx, e), 0)).fn("bool is_swapin_error_entry(swp_entry_t entry)", (ctx, e) => (swp(ctx, e), 0)).fn("vm_fault_t handle_pte_marker(struct vm_fault *vmf)", (ctx) => ctx.notModelled("handle_pte_marker: pte markers")).fn("swp_entry_t make_readable_exclusive_migration_entry(pgoff_t offset)", (ctx) => ctx.notModelled("make_readable_exclusive_migration_entry: migration entries")).fn("swp_entry_t pmd_to_swp_entry(pmd_t pmd)", (ctx) => ctx.notModelled("pmd_to_swp_entry: PMD migration entries")).in("arch/x86/include/asm/pgtable.h").fn("bool pmd_soft_dirty(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    return b(x.k === "huge" && x.bits.softDirty);
  }).fn("bool pmd_uffd_wp(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    return b(x.k === "huge" && x.bits.uffdWp);
  }).fn("unsigned long pmd_pfn(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    if (x.k === "huge") return BigInt(x.pfn);
    if (x.k === "table") return BigInt(x.tablePfn);
    return ctx.bug("pmd_pfn of a none pmd");
  }).fn("void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)", (ctx, _mm, _a, p) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    s.table.entries[s.i] = Pte.NONE;
    return void 0;
  }).fn("bool pte_needs_flush(pte_t oldpte, pte_t newpte)", (ctx, o, n) => {
    const a = pte(ctx, o).v;
    const c = pte(ctx, n).v;
    if (a.k !== "present") return 0;
    if (c.k !== "present" || c.pfn !== a.pfn) return 1;
    return b(a.bits.write && !c.bits.write || a.bits.dirty && !c.bits.dirty);
  }).fn("bool pgd_huge(pgd_t pgd)", (ctx, v) => (upper(ctx, v, "pgd"), 0)).fn("bool p4d_huge(p4d_t p4d)", (ctx, v) => (upper(ctx, v, "p4d"), 0)).in("include/linux/pgtable.h").fn("pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)", (ctx) => ctx.notModelled("pmd_alloc: uffd-wp of file memory")).fn("pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long address)", (ctx) => ctx.notModelled("pud_alloc: uffd-wp of file memory")).fn("p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address)", (ctx) => ctx.notModelled("p4d_alloc: uffd-wp of file memory")).releasesOf({});
}
function v613Entries(t) {
  t.releasesOf({ from: "6.13" }).in("include/linux/swapops.h").fn("struct folio *pfn_swap_entry_folio(swp_entry_t entry)", (ctx, e) => {
    const x = swp(ctx, e);
    if (!x.isPfn) return ctx.bug(`pfn_swap_entry_folio of ${x.describe()} (not a pfn swap entry)`);
    const k = kernelOf(ctx);
    const pfn = Number(x.offset);
    if (!k.memmap.exists(pfn)) return ctx.bug(`swap entry ${x.describe()} names no page`);
    return k.memmap.ptr(k.memmap.state(pfn).head);
  }).fn("bool is_poisoned_swp_entry(swp_entry_t entry)", (ctx, e) => (swp(ctx, e), 0)).fn("bool is_guard_swp_entry(swp_entry_t entry)", (ctx, e) => (swp(ctx, e), 0)).in("include/linux/huge_mm.h").fn("struct folio *pmd_folio(pmd_t pmd)", (ctx, v) => {
    const x = pmd(ctx, v).v;
    const k = kernelOf(ctx);
    if (x.k !== "huge") return ctx.bug(`pmd_folio of a pmd that maps no THP (${pmd(ctx, v).describe()})`);
    return k.memmap.ptr(k.memmap.state(x.pfn).head);
  }).fn("bool thp_vma_suitable_order(struct vm_area_struct *vma, unsigned long addr, int order)", (ctx, v, addr2, order) => {
    const vma = asStruct(v, Vma, ctx, "vma");
    const size = 4096n << BigInt(Number(order));
    const haddr = addr2 & ~(size - 1n);
    return b(haddr >= vma.start && haddr + size <= vma.end);
  }).releasesOf({});
}
var init_pgtable2 = __esm({
  "src/model/kernel/builtins/pgtable.ts"() {
    "use strict";
    init_api();
    init_state();
    init_locks();
    init_object();
    init_pgtable();
    init_pgtable_types();
    init_page();
    init_vma();
    init_def();
  }
});

// src/model/kernel/builtins/device-exclusive.ts
function deviceExclusiveBuiltins() {
  const t = new TableBuilder("include/linux/swapops.h");
  t.fn("bool is_device_exclusive_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).isDeviceExclusive)).releasesOf({ until: "6.15" }).fn("bool is_writable_device_exclusive_entry(swp_entry_t entry)", (ctx, e) => b(swp(ctx, e).type === "device-exclusive-write")).fn("swp_entry_t make_readable_device_exclusive_entry(unsigned long offset)", (_ctx, o) => new SwpEntry("device-exclusive-read", o)).fn("swp_entry_t make_writable_device_exclusive_entry(unsigned long offset)", (_ctx, o) => new SwpEntry("device-exclusive-write", o)).releasesOf({ from: "6.15" }).fn("swp_entry_t make_device_exclusive_entry(pgoff_t offset)", (_ctx, o) => new SwpEntry("device-exclusive", o)).releasesOf({});
  return t;
}
var init_device_exclusive = __esm({
  "src/model/kernel/builtins/device-exclusive.ts"() {
    "use strict";
    init_def();
    init_pgtable2();
    init_pgtable_types();
  }
});

// src/model/kernel/builtins/drivers.ts
function chargeVmalloc(ctx, n) {
  const m = ctx.m;
  const limit = m?.budgets?.memoryBytes;
  const used = ctx.mem.allocatedBytes ?? 0;
  if (limit === void 0 || !(n > limit - used)) return;
  const detail = `vmalloc(${n}) in ${ctx.loc().function}() at ${ctx.loc().file}:${ctx.loc().line} needs more than the ${limit - used} bytes left of the ${limit}-byte model memory budget`;
  if (m?.overBudget) m.overBudget("memory", detail);
  ctx.endRun("budget", detail);
}
function checkSpan(ctx, at2, pages, what) {
  if (at2.i + pages * PAGE > at2.r.length) ctx.bug(`${what} runs past the end of ${at2.r.name} (${pages} page(s) from +${at2.i})`);
}
function pageIndex(ctx, p, what) {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  const r = p.region;
  if (!(r instanceof PageDataRegion || r instanceof BufferRegion)) return ctx.bug(`${what} does not point to page contents (${r.name})`);
  const i2 = p.index + p.byteOffset;
  if (i2 % PAGE !== 0) ctx.notModelled(`copy at a byte offset inside a page (${r.name}+${i2})`);
  if (i2 < 0 || i2 >= r.length) return ctx.bug(`${what} is out of bounds (${r.name}+${i2})`);
  return { r, i: i2 };
}
function pageContents(ctx, p) {
  const k = kernelOf(ctx);
  return { r: new PageDataRegion(k, pageOf(k.memmap, p, ctx, "page").pfn), i: 0 };
}
function copyPage(ctx, dst, src, offset, len) {
  if (offset !== 0 || len !== PAGE) ctx.notModelled(`a copy of ${len} bytes at offset ${offset} of a page`);
  checkSpan(ctx, dst, 1, "page copy destination");
  checkSpan(ctx, src, 1, "page copy source");
  dst.r.store(dst.i, src.r.load(src.i, ctx), ctx);
}
function xa(ctx, p) {
  if (!(p instanceof Ptr)) return ctx.bug("xarray pointer is not a pointer");
  return kernelOf(ctx).xarrayAt(p.address);
}
function untag(p) {
  if (!(p instanceof Ptr)) return p;
  return p.byteOffset & 3 ? new Ptr(p.region, p.index, p.byteOffset & ~3) : p;
}
function driverBuiltins() {
  const t = new TableBuilder("drivers/gpu/drm/nouveau/include/nvif/object.h");
  t.fn("int nvif_object_ioctl(struct nvif_object *object, void *data, u32 size, void **hack)", (ctx, _o, data) => {
    const args3 = structAt(data, ctx, "nvif ioctl args");
    const p = args3.get("p", ctx);
    const pv = p instanceof Ptr ? structAt(p, ctx, "args.p") : p;
    const addr2 = pv.get("addr", ctx);
    const phys = pv.get("phys", ctx);
    const phys0 = phys.region.load(phys.index, ctx);
    kernelOf(ctx).gpu.map(addr2, phys0);
    return 0;
  }).fn("int nvif_object_mthd(struct nvif_object *object, u32 mthd, void *args, u32 size)", (ctx, _o, mthd, data) => {
    if (Number(mthd) !== NVIF_VMM_V0_PFNCLR) return ctx.notModelled(`nvif_object_mthd method ${Number(mthd)}`);
    const a = structAt(data, ctx, "PFNCLR args");
    kernelOf(ctx).gpu.clear(a.get("addr", ctx), a.get("size", ctx));
    return 0;
  }).in("include/linux/xarray.h").fn("void xa_init(struct xarray *xa)", (ctx, p) => (xa(ctx, p), void 0)).fn("void *xa_load(struct xarray *xa, unsigned long index)", (ctx, p, i2) => xa(ctx, p).load(i2)).fn("void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)", (ctx, p, i2, e) => xa(ctx, p).store(i2, e)).fn("void *xa_erase(struct xarray *xa, unsigned long index)", (ctx, p, i2) => xa(ctx, p).erase(i2)).fn("bool xa_is_err(const void *entry)", () => 0).fn("int xa_err(void *entry)", () => 0).fn("void *xa_tag_pointer(void *p, unsigned long tag)", (ctx, p, tag) => {
    if (!(p instanceof Ptr)) return ctx.bug("xa_tag_pointer of a non-pointer");
    return new Ptr(p.region, p.index, p.byteOffset | Number(tag));
  }).fn("void *xa_untag_pointer(void *entry)", (_ctx, p) => untag(p)).fn("unsigned int xa_pointer_tag(void *entry)", (_ctx, p) => p instanceof Ptr ? p.byteOffset & 3 : 0).fn("void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, unsigned int filter)", (ctx, p, ip, max) => {
    const cell = ip;
    const x = xa(ctx, p);
    const at2 = x.find(cell.region.load(cell.index, ctx), max);
    if (at2 === null) return null;
    cell.region.store(cell.index, at2, ctx);
    return x.load(at2);
  }).fn("void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, unsigned int filter)", (ctx, p, ip, max) => {
    const cell = ip;
    const x = xa(ctx, p);
    const at2 = x.find(cell.region.load(cell.index, ctx) + 1n, max);
    if (at2 === null) return null;
    cell.region.store(cell.index, at2, ctx);
    return x.load(at2);
  }).in("include/linux/highmem.h").fn("void *kmap(struct page *page)", (ctx, p) => {
    const k = kernelOf(ctx);
    const s = pageOf(k.memmap, p, ctx, "kmap page");
    return new Ptr(new PageDataRegion(k, s.pfn), 0);
  }).fn("void kunmap(struct page *page)", () => void 0).fn("void *memcpy(void *dest, const void *src, size_t count)", (ctx, d, s, n) => {
    const pages = Number(n) / PAGE;
    if (!Number.isInteger(pages)) ctx.notModelled("memcpy of a partial page");
    const dst = pageIndex(ctx, d, "memcpy dest");
    const src = pageIndex(ctx, s, "memcpy src");
    checkSpan(ctx, dst, pages, "memcpy dest");
    checkSpan(ctx, src, pages, "memcpy src");
    for (let i2 = 0; i2 < pages; i2++) dst.r.store(dst.i + i2 * PAGE, src.r.load(src.i + i2 * PAGE, ctx), ctx);
    return d;
  }).releasesOf({ from: "6.13" }).fn("void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)", (ctx, to, p, off, len) => {
    copyPage(ctx, pageIndex(ctx, to, "memcpy_from_page to"), pageContents(ctx, p), Number(off), Number(len));
    return void 0;
  }).fn("void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)", (ctx, p, off, from, len) => {
    copyPage(ctx, pageContents(ctx, p), pageIndex(ctx, from, "memcpy_to_page from"), Number(off), Number(len));
    return void 0;
  }).releasesOf({}).fn("void *vmalloc(unsigned long size)", (ctx, size) => {
    const n = Number(size);
    chargeVmalloc(ctx, n);
    const r = new BufferRegion(ctx.mem.allocate(n, PAGE), Math.ceil(n / PAGE));
    ctx.mem.register(r);
    kernelOf(ctx).vmallocBytes += n;
    return new Ptr(r, 0);
  }).fn("void vfree(const void *addr)", () => void 0).in("include/linux/uaccess.h").fn("void *u64_to_user_ptr(u64 x)", (ctx, x) => ctx.mem.ptrAt(x, VOID_T2)).fn("unsigned long copy_to_user(void *to, const void *from, unsigned long n)", (ctx, to, from, n) => {
    const k = kernelOf(ctx);
    const src = pageIndex(ctx, from, "copy_to_user source");
    checkSpan(ctx, src, Math.ceil(Number(n) / PAGE), "copy_to_user source");
    const base = to.address;
    for (let i2 = 0; i2 < Number(n) / PAGE; i2++) k.userBuffers.set(base + BigInt(i2 * PAGE), src.r.load(src.i + i2 * PAGE, ctx));
    return 0n;
  }).fn("unsigned long copy_from_user(void *to, const void *from, unsigned long n)", (ctx, to, from, n) => {
    const k = kernelOf(ctx);
    const dst = pageIndex(ctx, to, "copy_from_user destination");
    checkSpan(ctx, dst, Math.ceil(Number(n) / PAGE), "copy_from_user destination");
    const base = from.address;
    for (let i2 = 0; i2 < Number(n) / PAGE; i2++) dst.r.store(dst.i + i2 * PAGE, k.userBuffers.get(base + BigInt(i2 * PAGE)) ?? 0n, ctx);
    return 0n;
  }).in("mm/hmm.c").fn("int hmm_range_fault(struct hmm_range *range)", (ctx, rp) => {
    const range = structAt(rp, ctx, "range");
    const sub = structAt(range.get("notifier", ctx), ctx, "range->notifier");
    const mm = asStruct(sub.get("mm", ctx), MmStruct, ctx, "notifier->mm");
    const start2 = range.get("start", ctx);
    const end = range.get("end", ctx);
    const write = (range.get("default_flags", ctx) & HMM_PFN_REQ_WRITE) !== 0n;
    for (let a = start2; a < end; a += 4096n) {
      const vma = mm.vmaAt(a);
      if (!vma) return -14;
      if (write && (vma.flags & 0x2n) === 0n) return -1;
    }
    return ctx.notModelled("hmm_range_fault: faulting pages for the device");
  });
  return t;
}
var PAGE, NVIF_VMM_V0_PFNCLR, HMM_PFN_REQ_WRITE, VOID_T2, PageDataRegion, BufferRegion;
var init_drivers = __esm({
  "src/model/kernel/builtins/drivers.ts"() {
    "use strict";
    init_api();
    init_state();
    init_object();
    init_page();
    init_vma();
    init_def();
    PAGE = 4096;
    NVIF_VMM_V0_PFNCLR = 6;
    HMM_PFN_REQ_WRITE = 1n << 62n;
    VOID_T2 = { k: "void" };
    PageDataRegion = class {
      constructor(k, pfn) {
        this.k = k;
        this.pfn = pfn;
        this.base = PAGE_OFFSET + BigInt(pfn) * 4096n;
      }
      k;
      pfn;
      elemType = VOID_T2;
      elemSize = 1;
      length = PAGE;
      base;
      get name() {
        return `contents of pfn ${hex(BigInt(this.pfn))}`;
      }
      load() {
        return this.k.memmap.state(this.pfn).data;
      }
      store(_i, v) {
        this.k.memmap.state(this.pfn).data = v;
      }
    };
    BufferRegion = class {
      constructor(base, pages) {
        this.base = base;
        this.length = pages * PAGE;
      }
      base;
      elemType = VOID_T2;
      elemSize = 1;
      // Sparse: pages never written read 0, so a huge vmalloc() costs nothing until it is used.
      vals = /* @__PURE__ */ new Map();
      length;
      get name() {
        return `vmalloc buffer @${hex(this.base)}`;
      }
      load(i2) {
        return this.vals.get(Math.floor(i2 / PAGE)) ?? 0n;
      }
      store(i2, v) {
        this.vals.set(Math.floor(i2 / PAGE), v);
      }
    };
  }
});

// src/model/kernel/builtins/folio.ts
function folioMapcount(ctx, h) {
  if (!h.isHead) return h.mapcount + 1;
  const k = kernelOf(ctx);
  let ret = h.compoundMapcount + 1;
  for (let i2 = 0; i2 < 1 << h.order; i2++) ret += k.memmap.state(h.pfn + i2).mapcount + 1;
  return ret;
}
function head(ctx, p) {
  const { s } = pg(ctx, p, "folio");
  if (s.isTail) return ctx.bug(`struct folio * points at tail page pfn ${hex(BigInt(s.pfn))}, not at a folio's head`);
  return s;
}
function folioBuiltins() {
  const t = new TableBuilder("include/linux/page-flags.h").releasesOf({ from: "6.1" });
  t.fn("struct folio *page_folio(struct page *p)", (ctx, p) => {
    const { k, h } = pg(ctx, p);
    return k.memmap.ptr(h.pfn);
  }).fn("bool folio_test_large(struct folio *folio)", (ctx, p) => b(head(ctx, p).isHead)).fn("bool folio_test_anon(struct folio *folio)", (ctx, p) => b(isAnonHead(head(ctx, p)))).fn("bool folio_test_ksm(struct folio *folio)", (ctx, p) => {
    const h = head(ctx, p);
    return b(h.mapping !== null && (h.mapping.address & 3n) === 3n);
  }).fn("bool folio_test_locked(struct folio *folio)", (ctx, p) => b(head(ctx, p).lockedBy !== null)).fn("bool folio_test_hugetlb(struct folio *folio)", (ctx, p) => (head(ctx, p), 0)).fn("int PageAnonExclusive(struct page *page)", (ctx, p) => b(pg(ctx, p).s.anonExclusive)).fn("void SetPageAnonExclusive(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    s.anonExclusive = true;
    touch(ctx, s);
    return void 0;
  }).fn("void ClearPageAnonExclusive(struct page *page)", (ctx, p) => {
    const { s } = pg(ctx, p);
    s.anonExclusive = false;
    touch(ctx, s);
    return void 0;
  }).in("include/linux/mm.h").fn("void folio_get(struct folio *folio)", (ctx, p) => {
    getPage(ctx, head(ctx, p));
    return void 0;
  }).fn("void folio_put(struct folio *folio)", (ctx, p) => {
    putPage(ctx, head(ctx, p));
    return void 0;
  }).fn("int page_count(struct page *page)", (ctx, p) => pg(ctx, p).h.refcount).fn("bool folio_mapped(struct folio *folio)", (ctx, p) => {
    const h = head(ctx, p);
    return b(pageMapped(kernelOf(ctx), h));
  }).fn("int folio_mapcount(struct folio *folio)", (ctx, p) => folioMapcount(ctx, head(ctx, p))).fn("struct anon_vma *folio_anon_vma(struct folio *folio)", (ctx, p) => {
    const h = head(ctx, p);
    if (!isAnonHead(h)) return null;
    return ctx.mem.ptrAt(h.mapping.address - 1n, { k: "struct", name: "anon_vma" });
  }).fn("bool folio_mark_dirty(struct folio *folio)", (ctx, p) => {
    const h = head(ctx, p);
    const was = h.dirty;
    h.dirty = true;
    return b(!was);
  }).in("include/linux/page_ref.h").fn("int folio_ref_count(const struct folio *folio)", (ctx, p) => head(ctx, p).refcount).fn("void folio_ref_inc(struct folio *folio)", (ctx, p) => {
    const h = head(ctx, p);
    h.refcount++;
    touch(ctx, h);
    h.refIn = h.lastFn;
    return void 0;
  }).fn("void folio_ref_add(struct folio *folio, int nr)", (ctx, p, nr) => {
    const h = head(ctx, p);
    h.refcount += Number(nr);
    touch(ctx, h);
    h.refIn = h.lastFn;
    return void 0;
  }).fn("bool page_ref_add_unless(struct page *page, int nr, int u)", (ctx, p, nr, u) => {
    const { s } = pg(ctx, p);
    if (s.refcount === Number(u)) return 0;
    s.refcount += Number(nr);
    touch(ctx, s);
    s.refIn = s.lastFn;
    return 1;
  }).in("include/linux/pagemap.h").fn("bool folio_trylock(struct folio *folio)", (ctx, p) => b(tryLockPage(ctx, head(ctx, p)))).gen("void __folio_lock(struct folio *folio)", function* (ctx, p) {
    yield* lockPage(ctx, head(ctx, p));
    return void 0;
  }).fn("void folio_unlock(struct folio *folio)", (ctx, p) => {
    unlockPage(ctx, head(ctx, p));
    return void 0;
  }).releasesOf({ from: "6.1", until: "6.5" }).gen("bool __folio_lock_or_retry(struct folio *folio, struct mm_struct *mm, unsigned int flags)", function* (ctx, p, mmp, flags2) {
    return b(yield* lockOrRetry(ctx, head(ctx, p), mmp, Number(flags2)));
  }).releasesOf({ from: "6.5" }).gen("vm_fault_t __folio_lock_or_retry(struct folio *folio, struct vm_fault *vmf)", function* (ctx, p, vmfp) {
    const vmf = structAt(vmfp, ctx, "vmf");
    const vma = asStruct(vmf.get("vma", ctx), Vma, ctx, "vmf->vma");
    return (yield* lockOrRetry(ctx, head(ctx, p), vma.mm.self, Number(vmf.get("flags", ctx)))) ? 0 : VM_FAULT_RETRY;
  });
  laterFolios(t);
  return t;
}
function laterFolios(t) {
  t.releasesOf({ from: "6.13" }).in("include/linux/page-flags.h").fn("bool folio_test_dirty(const struct folio *folio)", (ctx, p) => b(head(ctx, p).dirty)).in("include/linux/mm.h").fn("bool is_zero_folio(const struct folio *folio)", (ctx, p) => b(head(ctx, p).kind === "zero")).fn("void folio_put_refs(struct folio *folio, int refs)", (ctx, p, refs) => {
    const h = head(ctx, p);
    for (let i2 = 0; i2 < Number(refs); i2++) putPage(ctx, h);
    return void 0;
  }).in("mm/swap.c").fn("void folio_mark_accessed(struct folio *folio)", (ctx, p) => {
    head(ctx, p).referenced = true;
    return void 0;
  }).in("include/linux/pagemap.h").gen("int folio_lock_killable(struct folio *folio)", function* (ctx, p) {
    yield* lockPage(ctx, head(ctx, p));
    return 0;
  }).releasesOf({ from: "6.13", until: "6.15" }).in("include/linux/mm.h").fn("bool put_devmap_managed_folio_refs(struct folio *folio, int refs)", (ctx, p) => (head(ctx, p), 0)).releasesOf({});
}
var VM_FAULT_RETRY;
var init_folio = __esm({
  "src/model/kernel/builtins/folio.ts"() {
    "use strict";
    init_object();
    init_def();
    init_page2();
    init_state();
    init_vma();
    VM_FAULT_RETRY = 1024;
  }
});

// src/model/kernel/builtins/folio-rmap.ts
function pagesOf(ctx, k, folioP, pageP, nr, fn) {
  const h = pg(ctx, folioP, "folio").s;
  const first = pg(ctx, pageP).s;
  if (h.isTail) return ctx.bug(`${fn}: struct folio * points at tail page pfn ${hex(BigInt(h.pfn))}`);
  const last = first.pfn + nr - 1;
  if (nr < 1 || k.memmap.headOf(first) !== h || !k.memmap.exists(last) || k.memmap.headOf(k.memmap.state(last)) !== h) {
    ctx.hazard("warn", `${fn}: pages pfn ${hex(BigInt(first.pfn))} + ${nr} are not all in the folio of pfn ${hex(BigInt(h.pfn))} (VM_WARN_ON_FOLIO)`);
  }
  const pages = [];
  for (let i2 = 0; i2 < nr; i2++) pages.push(k.memmap.state(first.pfn + i2));
  return { h, pages };
}
function folioRmapBuiltins() {
  const t = new TableBuilder("include/linux/rmap.h").releasesOf({ from: "6.8" });
  t.fn("void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma, unsigned long address, rmap_t flags)", (ctx, f, p, n, vmap, _addr, flags2) => {
    const { k } = pg(ctx, f, "folio");
    const { h, pages } = pagesOf(ctx, k, f, p, Number(n), "folio_add_anon_rmap_ptes");
    const vma = asStruct(vmap, Vma, ctx, "vma");
    if (!isAnonHead(h)) ctx.hazard("warn", `folio_add_anon_rmap_ptes: folio pfn ${hex(BigInt(h.pfn))} is not anonymous (VM_WARN_ON_FOLIO)`);
    for (const s of pages) {
      s.mapcount++;
      touch(ctx, s);
    }
    if (Number(flags2) & RMAP_EXCLUSIVE2) for (const s of pages) s.anonExclusive = true;
    for (const s of pages) {
      if ((s.mapcount > 0 || h.isHead && h.compoundMapcount + 1 > 1) && s.anonExclusive) {
        ctx.hazard("warn", `folio_add_anon_rmap_ptes: pfn ${hex(BigInt(s.pfn))} is mapped more than once and PageAnonExclusive (VM_WARN_ON_FOLIO)`);
      }
    }
    if (!h.isHead && vma.flags & VM_LOCKED2) ctx.notModelled("mlock_vma_folio: VM_LOCKED vmas");
    return void 0;
  }).fn("void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma)", (ctx, f, p, n, vmap) => {
    const { k } = pg(ctx, f, "folio");
    const { pages } = pagesOf(ctx, k, f, p, Number(n), "folio_remove_rmap_ptes");
    const vma = asStruct(vmap, Vma, ctx, "vma");
    for (const s of pages) {
      if (s.mapcount < 0) ctx.bug(`folio_remove_rmap_ptes: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
      s.mapcount--;
      touch(ctx, s);
    }
    if (vma.flags & VM_LOCKED2) ctx.notModelled("munlock_vma_folio: VM_LOCKED vmas");
    return void 0;
  });
  return t;
}
var RMAP_EXCLUSIVE2, VM_LOCKED2;
var init_folio_rmap = __esm({
  "src/model/kernel/builtins/folio-rmap.ts"() {
    "use strict";
    init_object();
    init_vma();
    init_def();
    init_page2();
    RMAP_EXCLUSIVE2 = 1 << 0;
    VM_LOCKED2 = 0x2000n;
  }
});

// src/model/kernel/mm/mmu_notifier.ts
function subscriptionsOf(k, mm) {
  if (!mm.subs) mm.subs = new Subscriptions(k, mm);
  return mm.subs;
}
function ownerName(v) {
  if (v === UNINIT) return "unset";
  if (v === null || v === void 0) return null;
  if (v instanceof Ptr) {
    const o = objectAt(v);
    if (o) return o.name;
    return v.region.name + (v.byteOffset ? `+${v.byteOffset}` : "");
  }
  return String(v);
}
function funcName(p) {
  return p instanceof Ptr ? p.region.name : "(no callback)";
}
function opsField(ctx, sub, field2) {
  const s = structAt(sub, ctx, "subscription");
  const ops = s.get("ops", ctx);
  if (ops === null) return null;
  return structAt(ops, ctx, "subscription->ops").get(field2, ctx);
}
function readRange(ctx, range) {
  const r = structAt(range, ctx, "range");
  const mm = asStruct(r.get("mm", ctx), MmStruct, ctx, "range->mm");
  return { r, mm, start: r.get("start", ctx), end: r.get("end", ctx) };
}
function* invalidateRangeStart(ctx, k, range, extraStack = []) {
  const { r, mm, start: start2, end } = readRange(ctx, range);
  const p = ctx.preemptPoint?.("notifier", [mm]);
  if (p) yield p;
  k.openRanges.set(range.address, { thread: ctx.thread.id, stack: k.stackOf(ctx), what: `${EVENT_NAMES[Number(r.get("event", ctx))] ?? "invalidation"} range [${hex(start2)}, ${hex(end)})` });
  const subs = mm.subs;
  if (!subs) return;
  const event = Number(r.get("event", ctx));
  const rec = {
    event: EVENT_NAMES[event] ?? String(event),
    owner: ownerName(r.get("owner", ctx)),
    start: hex(start2),
    end: hex(end),
    stack: [...k.stackOf(ctx), ...extraStack],
    subscribers: []
  };
  const index = k.notifiers.length;
  k.notifiers.push(rec);
  ctx.trace({ t: "notifier", index });
  subs.activeInvalidateRanges++;
  const last = end - 1n;
  const hit = subs.intervals.filter((s) => s.start <= last && s.last >= start2);
  if (hit.length) subs.invalidateSeq |= 1n;
  const curSeq = subs.invalidateSeq;
  const blockable = (Number(r.get("flags", ctx)) & MMU_NOTIFIER_RANGE_BLOCKABLE) !== 0;
  for (const s of hit) {
    const sub = structAt(s.ptr, ctx, "interval subscription");
    const before = sub.get("invalidate_seq", ctx);
    const cb = opsField(ctx, s.ptr, "invalidate");
    const ok = yield* ctx.call(cb, [s.ptr, range, curSeq]);
    const after = sub.get("invalidate_seq", ctx);
    rec.subscribers.push({ name: s.name, action: after !== before ? "seq-bumped" : "filtered" });
    if (!ok && blockable) ctx.hazard("warn", `${s.name} returned false for a blockable range (WARN_ON in mn_itree_invalidate)`);
  }
  for (const c of subs.classic) {
    const cb = opsField(ctx, c.ptr, "invalidate_range_start");
    if (cb === null) continue;
    const ret = yield* ctx.call(cb, [c.ptr, range]);
    rec.subscribers.push({ name: c.name, action: "called" });
    if (ret !== 0 && blockable) ctx.hazard("warn", `${c.name} failed a blockable invalidate_range_start (${String(ret)})`);
  }
}
function* invalidateRangeEnd(ctx, k, range) {
  const { mm } = readRange(ctx, range);
  const p = ctx.preemptPoint?.("notifier", [mm]);
  if (p) yield p;
  k.openRanges.delete(range.address);
  const subs = mm.subs;
  if (!subs) return;
  for (const c of subs.classic) {
    const cb = opsField(ctx, c.ptr, "invalidate_range_end");
    if (cb === null) continue;
    yield* ctx.call(cb, [c.ptr, range]);
  }
  subs.activeInvalidateRanges--;
  if (subs.activeInvalidateRanges !== 0n || !subs.invalidating) return;
  subs.invalidateSeq++;
  for (const d of subs.deferred.splice(0)) {
    if (d.op === "add") subs.intervals.push(d.sub);
    else subs.intervals.splice(subs.intervals.indexOf(d.sub), 1);
  }
  subs.intervals.sort((a, b2) => a.start < b2.start ? -1 : a.start > b2.start ? 1 : 0);
  subs.wq.wakeAll();
}
function newRange(k, event, vma, mm, start2, end) {
  return k.plain("mmu_notifier_range", `range ${EVENT_NAMES[event]} [${hex(start2)}, ${hex(end)})`, {
    vma,
    mm: mm.self,
    start: start2,
    end,
    flags: MMU_NOTIFIER_RANGE_BLOCKABLE,
    event,
    owner: UNINIT
  }).self;
}
function intervalInsert(ctx, k, sub, mm, start2, length, ops) {
  const subs = subscriptionsOf(k, mm);
  const s = structAt(sub, ctx, "interval_sub");
  s.set("ops", ops, ctx);
  s.set("mm", mm.self, ctx);
  mm.users++;
  let last;
  if (length === 0n || start2 + length - 1n < start2) return -22;
  last = start2 + length - 1n;
  const cb = ops instanceof Ptr ? structAt(ops, ctx, "ops").get("invalidate", ctx) : null;
  const rec = { ptr: sub, start: start2, last, name: funcName(cb) };
  if (subs.invalidating) {
    s.set("invalidate_seq", subs.invalidateSeq, ctx);
    subs.deferred.push({ op: "add", sub: rec });
  } else {
    s.set("invalidate_seq", subs.invalidateSeq - 1n, ctx);
    subs.intervals.push(rec);
    subs.intervals.sort((a, b2) => a.start < b2.start ? -1 : a.start > b2.start ? 1 : 0);
  }
  return 0;
}
function* intervalRemove(ctx, _k, sub) {
  const s = structAt(sub, ctx, "interval_sub");
  const mm = asStruct(s.get("mm", ctx), MmStruct, ctx, "interval_sub->mm");
  const subs = mm.subs;
  if (!subs) return;
  const p = ctx.preemptPoint?.("notifier", [mm]);
  if (p) yield p;
  const i2 = subs.intervals.findIndex((x) => x.ptr.address === sub.address);
  const d = subs.deferred.findIndex((x) => x.sub.ptr.address === sub.address);
  if (subs.invalidating && i2 >= 0) {
    const seq = subs.invalidateSeq;
    subs.deferred.push({ op: "remove", sub: subs.intervals[i2] });
    while (subs.invalidateSeq === seq) yield { blockedOn: subs.wq.waitable() };
  } else if (i2 >= 0) {
    subs.intervals.splice(i2, 1);
  } else if (d >= 0) {
    subs.deferred.splice(d, 1);
  } else {
    ctx.bug("mmu_interval_notifier_remove of a subscription that is not inserted");
  }
  mm.users--;
}
function classicRegister(ctx, k, sub, mm) {
  const subs = subscriptionsOf(k, mm);
  const s = structAt(sub, ctx, "subscription");
  s.set("mm", mm.self, ctx);
  const ops = s.get("ops", ctx);
  const cb = ops instanceof Ptr ? structAt(ops, ctx, "ops").get("invalidate_range_start", ctx) : null;
  subs.classic.push({ ptr: sub, name: funcName(cb) });
  mm.users++;
  return 0;
}
var EVENT_NAMES, MMU_NOTIFIER_RANGE_BLOCKABLE, SEQ_BASE, SEQ_RANGE_END, Subscriptions;
var init_mmu_notifier = __esm({
  "src/model/kernel/mm/mmu_notifier.ts"() {
    "use strict";
    init_api();
    init_object();
    init_locks();
    init_vma();
    EVENT_NAMES = ["UNMAP", "CLEAR", "PROTECTION_VMA", "PROTECTION_PAGE", "SOFT_DIRTY", "RELEASE", "MIGRATE", "EXCLUSIVE"];
    MMU_NOTIFIER_RANGE_BLOCKABLE = 1;
    SEQ_BASE = 0x10000000002n;
    SEQ_RANGE_END = SEQ_BASE + (1n << 31n);
    Subscriptions = class extends RtObject {
      constructor(k, mm) {
        super(`notifier_subscriptions of mm ${mm.id}`, k.mem.allocate(128), 128);
        this.mm = mm;
        this.lock = new SpinLock(`subscriptions->lock of mm ${mm.id}`, this.base + 8n);
        this.wq = new WaitQueue(`subscriptions->wq of mm ${mm.id}`, this.base + 32n, 8, { obj: this, field: "wq" });
        k.locks.all.push(this.lock, this.wq);
        this.register(k.mem);
        this.lock.register(k.mem);
        this.wq.register(k.mem);
      }
      mm;
      structName = "mmu_notifier_subscriptions";
      lock;
      wq;
      invalidateSeq = SEQ_BASE;
      activeInvalidateRanges = 0n;
      intervals = [];
      classic = [];
      deferred = [];
      get(field2, ctx) {
        switch (field2) {
          case "invalidate_seq":
            return this.invalidateSeq;
          case "active_invalidate_ranges":
            return this.activeInvalidateRanges;
          default:
            return this.noField(field2, ctx);
        }
      }
      embedded(field2) {
        if (field2 === "lock") return this.lock;
        if (field2 === "wq") return this.wq;
        return void 0;
      }
      get invalidating() {
        return (this.invalidateSeq & 1n) === 1n;
      }
    };
  }
});

// src/model/kernel/mm/memory.ts
function setMapping(k, page, vma, addr2) {
  const av = vma.anonVma;
  page.mapping = new Ptr(av.self.region, 0, 1);
  page.index = vma.pgoffOf(addr2);
  if (k.release.anonExclusive) page.anonExclusive = true;
}
function anonVmaPrepare(k, vma) {
  if (vma.anonVma) return;
  const av = k.newAnonVma(null);
  vma.anonVma = av;
  av.chains.push(new AnonVmaChain(k, vma, av));
}
function faultEvent(ctx, addr2, kind) {
  ctx.trace({ t: "fault", addr: hex(addr2), kind, thread: ctx.thread.name, fn: fnOf(ctx) });
}
function* handleMmFault(ctx, k, vma, address, flags2) {
  return yield* k.tsFrame(ctx, "handle_mm_fault", handleMmFaultBody(ctx, k, vma, address, flags2));
}
function* handleMmFaultBody(ctx, k, vma, address, flags2) {
  const write = (flags2 & FAULT_FLAG_WRITE) !== 0;
  faultEvent(ctx, address, `${write ? "write" : "read"}${flags2 & FAULT_FLAG_REMOTE ? " remote" : ""}${flags2 & FAULT_FLAG_ALLOW_RETRY2 ? "" : " no-retry"}`);
  const mm = vma.mm;
  const pmd2 = mm.pt.pmdSlot(address, true);
  let pv = pmd2.table.entries[pmd2.i].v;
  if (pv.k === "none") {
    const start2 = address & ~0x1fffffn;
    if (k.config.thp && vma.thp && start2 >= vma.start && start2 + 0x200000n <= vma.end) {
      return doHugePmdAnonymousPage(ctx, k, vma, pmd2, address);
    }
    mm.pt.allocPteTable(pmd2);
    pv = pmd2.table.entries[pmd2.i].v;
  }
  if (pv.k === "huge") {
    if (write && !pv.bits.write) ctx.notModelled("do_huge_pmd_wp_page: write fault on a read-only PMD-mapped THP");
    return 0;
  }
  const table = mm.pt.pteTableOf(pmd2);
  const i2 = indexAt("pte", address);
  const orig = table.entries[i2];
  if (orig.none) return yield* doAnonymousPage(ctx, k, vma, table, i2, address, write);
  if (!orig.present) {
    const vmf = k.plain("vm_fault", `vm_fault @${hex(address)}`, {
      vma: vma.self,
      gfp_mask: 0,
      pgoff: vma.pgoffOf(address),
      address: address & ~0xfffn,
      real_address: address,
      flags: flags2,
      pmd: pmd2.table.ptr(pmd2.i),
      pud: null,
      orig_pte: orig,
      cow_page: null,
      page: null,
      pte: table.ptr(i2),
      ptl: null,
      prealloc_pte: null
    });
    const r = yield* ctx.call("do_swap_page", [vmf.self]);
    return Number(r);
  }
  if (write && orig.v.k === "present" && !orig.v.bits.write) return yield* k.tsFrame(ctx, "do_wp_page", doWpPage(ctx, k, vma, table, i2, address));
  if (orig.v.k === "present") table.entries[i2] = Pte.present(orig.v.pfn, { ...orig.v.bits, young: true, dirty: orig.v.bits.dirty || write });
  return 0;
}
function doHugePmdAnonymousPage(ctx, k, vma, pmd2, address) {
  anonVmaPrepare(k, vma);
  const haddr = address & ~0x1fffffn;
  const head2 = k.memmap.alloc("anon", 9, "do_huge_pmd_anonymous_page");
  const deposit = vma.mm.pt.newTable("pte", haddr);
  k.deposits.set(pmd2.table.base + BigInt(pmd2.i * 8), deposit);
  setMapping(k, head2, vma, haddr);
  head2.compoundMapcount = 0;
  const w = (vma.flags & VM_WRITE2) !== 0n;
  pmd2.table.entries[pmd2.i] = new Pmd({ k: "huge", pfn: head2.pfn, bits: { write: w, dirty: w, young: true, softDirty: false, uffdWp: false } });
  head2.lastFn = fnOf(ctx);
  return 0;
}
function* doAnonymousPage(ctx, k, vma, table, i2, address, write) {
  yield* acquire(ctx, table.lock);
  if (!write) {
    table.entries[i2] = Pte.present(k.zeroPage().pfn, { write: false, dirty: false, young: true, softDirty: false, uffdWp: false });
  } else {
    anonVmaPrepare(k, vma);
    const page = k.memmap.alloc("anon", 0, "do_anonymous_page");
    setMapping(k, page, vma, address);
    page.mapcount = 0;
    const w = (vma.flags & VM_WRITE2) !== 0n;
    table.entries[i2] = Pte.present(page.pfn, { write: w, dirty: w, young: true, softDirty: true, uffdWp: false });
  }
  release(ctx, table.lock);
  return 0;
}
function* doWpPage(ctx, k, vma, table, i2, address) {
  const pte2 = table.entries[i2];
  const old = k.memmap.state(pte2.v.pfn);
  if (old.kind !== "zero") {
    const h = k.memmap.headOf(old);
    if (isAnonHead(h) && (k.release.anonExclusive ? mayReuseExclusive(ctx, h, old) : mayReuseMapped(ctx, k, h, old))) {
      table.entries[i2] = Pte.present(pte2.v.pfn, { ...pte2.v.bits, write: true, dirty: true, young: true });
      return VM_FAULT_WRITE;
    }
    getPage(ctx, h);
  }
  return yield* k.tsFrame(ctx, "wp_page_copy", wpPageCopy(ctx, k, vma, table, i2, address, old.kind === "zero" ? null : old));
}
function mayReuseMapped(ctx, k, h, page) {
  if (h.refcount !== 1 || !tryLockPage(ctx, h)) return false;
  const reuse = pageMapcount(k, page) === 1 && h.refcount === 1;
  unlockPage(ctx, h);
  return reuse;
}
function mayReuseExclusive(ctx, h, page) {
  if (page.anonExclusive) return true;
  if (h.refcount > 1 || !tryLockPage(ctx, h)) return false;
  const reuse = h.refcount === 1;
  if (reuse) {
    page.anonExclusive = true;
    page.lastFn = fnOf(ctx);
  }
  unlockPage(ctx, h);
  return reuse;
}
function* wpPageCopy(ctx, k, vma, table, i2, address, old) {
  anonVmaPrepare(k, vma);
  const page = k.memmap.alloc("anon", 0, "wp_page_copy");
  page.data = old ? old.data : 0n;
  const a = address & ~0xfffn;
  const range = newRange(k, MMU_NOTIFY_CLEAR, vma.self, vma.mm, a, a + 4096n);
  yield* invalidateRangeStart(ctx, k, range);
  yield* acquire(ctx, table.lock);
  if (old) {
    if (old.mapcount < 0) ctx.bug("wp_page_copy: old page not mapped");
    old.mapcount--;
    old.lastFn = "wp_page_copy";
  }
  setMapping(k, page, vma, a);
  page.mapcount = 0;
  const w = (vma.flags & VM_WRITE2) !== 0n;
  table.entries[i2] = Pte.present(page.pfn, { write: w, dirty: true, young: true, softDirty: true, uffdWp: false });
  release(ctx, table.lock);
  if (old) {
    const h = k.memmap.headOf(old);
    putPage(ctx, h);
    putPage(ctx, h);
  }
  yield* invalidateRangeEnd(ctx, k, range);
  return VM_FAULT_WRITE;
}
function splitHugePmdLocked(ctx, k, vma, pmd2, _haddr, freeze) {
  if (freeze) ctx.notModelled("__split_huge_pmd_locked with freeze (migration entries)");
  const pv = pmd2.table.entries[pmd2.i].v;
  if (pv.k !== "huge") return ctx.bug("__split_huge_pmd_locked on a pmd that is not huge");
  const head2 = k.memmap.state(pv.pfn);
  if (head2.kind === "zero") ctx.notModelled("__split_huge_pmd_locked of the huge zero page");
  if (!isAnonHead(head2)) ctx.notModelled("__split_huge_pmd_locked of a file THP");
  const key2 = pmd2.table.base + BigInt(pmd2.i * 8);
  const table = k.deposits.get(key2);
  if (!table) return ctx.bug("__split_huge_pmd_locked: no deposited page table");
  k.deposits.delete(key2);
  if (pv.bits.dirty) head2.dirty = true;
  if (head2.refcount <= 0) ctx.bug("__split_huge_pmd_locked: VM_BUG_ON_PAGE(!page_count(page))");
  head2.refcount += HPAGE_PMD_NR - 1;
  const exclusive = k.release.anonExclusive && head2.anonExclusive;
  for (let n = 0; n < HPAGE_PMD_NR; n++) {
    table.entries[n] = Pte.present(head2.pfn + n, { write: pv.bits.write && (vma.flags & VM_WRITE2) !== 0n, dirty: false, young: pv.bits.young, softDirty: pv.bits.softDirty, uffdWp: pv.bits.uffdWp });
    const s = k.memmap.state(head2.pfn + n);
    s.mapcount++;
    if (exclusive) s.anonExclusive = true;
    s.lastFn = "__split_huge_pmd_locked";
  }
  head2.compoundMapcount--;
  pmd2.table.entries[pmd2.i] = new Pmd({ k: "table", tablePfn: table.page.pfn });
}
function isCowMapping(flags2) {
  return (flags2 & (VM_SHARED2 | VM_MAYWRITE2)) === VM_MAYWRITE2;
}
function* forkMm(ctx, k, parent, label) {
  return yield* k.tsFrame(ctx, "fork (dup_mmap)", forkBody(ctx, k, parent, label));
}
function* forkBody(ctx, k, parent, label) {
  yield* acquire(ctx, parent.mmapLock, false);
  const child = k.newMm(label);
  let err2 = 0;
  for (const src of parent.vmas) {
    const dst = new Vma(k, child, src.start, src.end, src.flags, src.pgoff, src.thp);
    child.insertVma(dst);
    if (src.anonVma) {
      for (const av of k.anonVmas) if (av.chains.some((c) => c.vma === src)) av.chains.push(new AnonVmaChain(k, dst, av));
      const own = k.newAnonVma(src.anonVma);
      dst.anonVma = own;
      own.chains.push(new AnonVmaChain(k, dst, own));
    }
    err2 = yield* k.tsFrame(ctx, "copy_page_range", copyPageRange(ctx, k, dst, src));
    if (err2) break;
  }
  release(ctx, parent.mmapLock, false);
  return err2 ? err2 : child;
}
function* copyPageRange(ctx, k, dst, src) {
  if (!src.anonVma) return 0;
  const cow = isCowMapping(src.flags);
  let range = null;
  if (cow) {
    range = newRange(k, MMU_NOTIFY_PROTECTION_PAGE, src.self, src.mm, src.start, src.end);
    yield* invalidateRangeStart(ctx, k, range);
  }
  let ret = 0;
  for (let addr2 = src.start; addr2 < src.end && !ret; ) {
    const next = addr2 + 0x200000n & ~0x1fffffn;
    const end = next < src.end ? next : src.end;
    const spmd = src.mm.pt.pmdSlot(addr2, false);
    const sv = spmd ? spmd.table.entries[spmd.i].v : null;
    if (sv && sv.k === "huge") ctx.notModelled("copy_huge_pmd: fork of a PMD-mapped THP");
    if (spmd && sv && sv.k === "table") ret = yield* copyPteRange(ctx, k, dst, src, spmd, addr2, end);
    addr2 = end;
  }
  if (range) yield* invalidateRangeEnd(ctx, k, range);
  return ret;
}
function* copyPteRange(ctx, k, dst, src, spmd, start2, end) {
  const st = src.mm.pt.pteTableOf(spmd);
  const dpmd = dst.mm.pt.pmdSlot(start2, true);
  const dt = dst.mm.pt.pteTableOf(dpmd) ?? dst.mm.pt.allocPteTable(dpmd);
  yield* acquire(ctx, dt.lock);
  yield* acquire(ctx, st.lock);
  let ret = 0;
  for (let addr2 = start2; addr2 < end; addr2 += 4096n) {
    const i2 = indexAt("pte", addr2);
    let p = st.entries[i2];
    if (p.none) continue;
    if (!p.present) {
      const vmas = k.config.modelParams?.get("copy_nonpresent_pte") === 7 ? [src.self] : [dst.self, src.self];
      const r = yield* ctx.call("copy_nonpresent_pte", [dst.mm.self, src.mm.self, dt.ptr(i2), st.ptr(i2), ...vmas, addr2, null]);
      const v = Number(BigInt.asIntN(64, BigInt(r)));
      if (v === -16) {
        ret = -16;
        break;
      }
      if (v === 0) continue;
      if (v !== -2) ctx.hazard("warn", `copy_nonpresent_pte returned ${v} (WARN_ON_ONCE(ret != -ENOENT))`);
      p = st.entries[i2];
    }
    if (p.v.k !== "present") continue;
    let bits = p.v.bits;
    const page = k.memmap.state(p.v.pfn);
    if (isCowMapping(src.flags) && bits.write) {
      bits = { ...bits, write: false };
      st.entries[i2] = Pte.present(p.v.pfn, bits);
    }
    if (page.kind !== "zero") {
      getPage(ctx, k.memmap.headOf(page));
      page.mapcount++;
      if (k.release.anonExclusive) page.anonExclusive = false;
    }
    dt.entries[i2] = Pte.present(p.v.pfn, { ...bits, young: false });
  }
  release(ctx, st.lock);
  release(ctx, dt.lock);
  return ret;
}
function mappedPage(k, mm, addr2, write) {
  const pmd2 = mm.pt.pmdSlot(addr2, false);
  if (!pmd2) return null;
  const pv = pmd2.table.entries[pmd2.i].v;
  if (pv.k === "huge") return !write || pv.bits.write ? k.memmap.state(pv.pfn + indexAt("pte", addr2)) : null;
  if (pv.k !== "table") return null;
  const t = mm.pt.pteTableOf(pmd2);
  const p = t.entries[indexAt("pte", addr2)].v;
  if (p.k !== "present" || write && !p.bits.write) return null;
  return k.memmap.state(p.pfn);
}
function* cpuAccess(ctx, k, mm, addr2, write, update) {
  return yield* k.tsFrame(ctx, write ? "user store (exc_page_fault)" : "user load (exc_page_fault)", cpuAccessBody(ctx, k, mm, addr2, write, update));
}
function* cpuAccessBody(ctx, k, mm, addr2, write, update) {
  let flags2 = FAULT_FLAG_USER | FAULT_FLAG_ALLOW_RETRY2 | FAULT_FLAG_KILLABLE | (write ? FAULT_FLAG_WRITE : 0);
  let faults = 0;
  for (let tries = 0; tries < 1e3; tries++) {
    const page = mappedPage(k, mm, addr2, write);
    if (page) {
      const old = page.data;
      if (write) page.data = update(old);
      return { ret: 0, value: old, faults };
    }
    faults++;
    yield* acquire(ctx, mm.mmapLock, true);
    const vma = mm.vmaAt(addr2);
    if (!vma || write && (vma.flags & VM_WRITE2) === 0n) {
      release(ctx, mm.mmapLock, true);
      return { ret: -14, value: 0n, faults };
    }
    const r = yield* handleMmFault(ctx, k, vma, addr2, flags2);
    if (r & VM_FAULT_RETRY2) {
      flags2 |= FAULT_FLAG_TRIED2;
      continue;
    }
    release(ctx, mm.mmapLock, true);
    if (r & (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)) return { ret: -14, value: 0n, faults };
  }
  return ctx.bug(`user access at ${hex(addr2)} still faulting after 1000 attempts`);
}
function* munmap(ctx, k, mm, start2, len) {
  return yield* k.tsFrame(ctx, "munmap (zap_pte_range)", munmapBody(ctx, k, mm, start2, len));
}
function* munmapBody(ctx, k, mm, start2, len) {
  const end = start2 + (len + 0xfffn & ~0xfffn);
  yield* acquire(ctx, mm.mmapLock, false);
  try {
    const vmas = mm.vmas.filter((v) => v.start < end && v.end > start2);
    for (const vma of vmas) if (vma.start < start2 || vma.end > end) ctx.notModelled(`munmap of part of ${vma.name} (vma split)`);
    if (!vmas.length) return 0;
    const range = newRange(k, MMU_NOTIFY_UNMAP, null, mm, start2, end);
    yield* invalidateRangeStart(ctx, k, range);
    for (let addr2 = start2; addr2 < end; addr2 += 4096n) {
      const { pmd: pmd2, pte: pte2 } = mm.pt.lookup(addr2);
      if (pmd2 && pmd2.table.entries[pmd2.i].v.k === "huge") ctx.notModelled("zap_huge_pmd: munmap of a PMD-mapped THP");
      if (!pte2) continue;
      yield* acquire(ctx, pte2.table.lock);
      const p = pte2.table.entries[pte2.i].v;
      pte2.table.entries[pte2.i] = Pte.NONE;
      if (p.k === "present") {
        const s = k.memmap.state(p.pfn);
        if (s.kind !== "zero") {
          s.mapcount--;
          s.lastFn = "zap_pte_range";
          putPage(ctx, k.memmap.headOf(s));
        }
      } else if (p.k === "swap" && p.entry.isDeviceExclusive) {
        const s = k.memmap.state(Number(p.entry.offset));
        if (k.release.exclusiveEntryMapped) {
          s.mapcount--;
          s.lastFn = "zap_pte_range";
        }
        putPage(ctx, k.memmap.headOf(s));
      } else if (p.k === "swap") {
        ctx.notModelled(`zap_pte_range of ${p.entry.describe()}`);
      }
      release(ctx, pte2.table.lock);
    }
    yield* invalidateRangeEnd(ctx, k, range);
    for (const vma of vmas) mm.vmas.splice(mm.vmas.indexOf(vma), 1);
    return 0;
  } finally {
    release(ctx, mm.mmapLock, false);
  }
}
var FAULT_FLAG_WRITE, FAULT_FLAG_ALLOW_RETRY2, FAULT_FLAG_KILLABLE, FAULT_FLAG_TRIED2, FAULT_FLAG_USER, FAULT_FLAG_REMOTE, VM_FAULT_OOM, VM_FAULT_SIGBUS, VM_FAULT_WRITE, VM_FAULT_SIGSEGV, VM_FAULT_RETRY2, MMU_NOTIFY_CLEAR, MMU_NOTIFY_PROTECTION_PAGE, VM_WRITE2, VM_SHARED2, VM_MAYWRITE2, MMU_NOTIFY_UNMAP;
var init_memory2 = __esm({
  "src/model/kernel/mm/memory.ts"() {
    "use strict";
    init_api();
    init_locks();
    init_object();
    init_page2();
    init_page();
    init_pgtable();
    init_pgtable_types();
    init_mmu_notifier();
    init_vma();
    FAULT_FLAG_WRITE = 1;
    FAULT_FLAG_ALLOW_RETRY2 = 4;
    FAULT_FLAG_KILLABLE = 16;
    FAULT_FLAG_TRIED2 = 32;
    FAULT_FLAG_USER = 64;
    FAULT_FLAG_REMOTE = 128;
    VM_FAULT_OOM = 1;
    VM_FAULT_SIGBUS = 2;
    VM_FAULT_WRITE = 8;
    VM_FAULT_SIGSEGV = 64;
    VM_FAULT_RETRY2 = 1024;
    MMU_NOTIFY_CLEAR = 1;
    MMU_NOTIFY_PROTECTION_PAGE = 3;
    VM_WRITE2 = 0x2n;
    VM_SHARED2 = 0x8n;
    VM_MAYWRITE2 = 0x20n;
    MMU_NOTIFY_UNMAP = 0;
  }
});

// src/model/kernel/builtins/mm.ts
function isErr2(p) {
  if (!(p instanceof Ptr)) return false;
  return BigInt.asUintN(64, p.address) >= (1n << 64n) - MAX_ERRNO2;
}
function mmBuiltins() {
  const t = new TableBuilder("include/linux/mm.h");
  t.fn("struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr)", (ctx, mmp, addr2) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    const v = mm.vmaAt(addr2);
    return v ? v.self : null;
  }).fn("struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)", (ctx, mmp, addr2) => {
    const v = asStruct(mmp, MmStruct, ctx, "mm").findVma(addr2);
    return v ? v.self : null;
  }).fn("bool in_gate_area(struct mm_struct *mm, unsigned long addr)", () => 0).fn("bool is_vm_hugetlb_page(struct vm_area_struct *vma)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), 0)).fn("unsigned long untagged_addr(unsigned long addr)", (_ctx, a) => a).fn("void put_dev_pagemap(struct dev_pagemap *pgmap)", () => void 0).gen("vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags, struct pt_regs *regs)", function* (ctx, vmap, addr2, flags2) {
    const vma = asStruct(vmap, Vma, ctx, "vma");
    return yield* handleMmFault(ctx, kernelOf(ctx), vma, addr2, Number(flags2));
  }).in("include/linux/mmap_lock.h").gen("void mmap_read_lock(struct mm_struct *mm)", function* (ctx, mmp) {
    yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, "mm").mmapLock, true);
    return void 0;
  }).fn("void mmap_read_unlock(struct mm_struct *mm)", (ctx, mmp) => {
    release(ctx, asStruct(mmp, MmStruct, ctx, "mm").mmapLock, true);
    return void 0;
  }).gen("void mmap_write_lock(struct mm_struct *mm)", function* (ctx, mmp) {
    yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, "mm").mmapLock, false);
    return void 0;
  }).fn("void mmap_write_unlock(struct mm_struct *mm)", (ctx, mmp) => {
    release(ctx, asStruct(mmp, MmStruct, ctx, "mm").mmapLock, false);
    return void 0;
  }).in("include/linux/sched/mm.h").fn("bool mmget_not_zero(struct mm_struct *mm)", (ctx, mmp) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    if (mm.users <= 0) return 0;
    mm.users++;
    return 1;
  }).fn("void mmput(struct mm_struct *mm)", (ctx, mmp) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    if (--mm.users < 0) ctx.bug(`mmput of ${mm.name}: mm_users underflow`);
    return void 0;
  }).in("mm/huge_memory.c").fn("void __split_huge_pmd_locked(struct vm_area_struct *vma, pmd_t *pmd, unsigned long haddr, bool freeze)", (ctx, vmap, pmdp, haddr, freeze) => {
    const vma = asStruct(vmap, Vma, ctx, "vma");
    splitHugePmdLocked(ctx, kernelOf(ctx), vma, slotOf(ctx, pmdp, "pmd", "pmd"), haddr, Number(freeze) !== 0);
    return void 0;
  }).releasesOf({ until: "6.1" }).fn("void touch_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags)", () => void 0).releasesOf({ from: "6.1" }).fn("void touch_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, bool write)", () => void 0).releasesOf({}).in("mm/interval_tree.c").fn("struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root_cached *root, unsigned long first, unsigned long last)", (ctx, root, first, last) => {
    const r = objectAt(root);
    if (!(r instanceof RbRoot)) return ctx.bug("anon_vma_interval_tree_iter_first: not an anon_vma tree root");
    const c = chainsOverlapping(r.av, first, last);
    return c.length ? c[0].self : null;
  }).fn("struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node, unsigned long first, unsigned long last)", (ctx, node, first, last) => {
    const n = asStruct(node, AnonVmaChain, ctx, "avc");
    const c = chainsOverlapping(n.av, first, last);
    const i2 = c.indexOf(n);
    return i2 >= 0 && i2 + 1 < c.length ? c[i2 + 1].self : null;
  }).in("include/linux/rwsem.h").fn("int down_read_trylock(struct rw_semaphore *sem)", (ctx, p) => b(tryAcquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "rwsem"), true))).gen("void down_read(struct rw_semaphore *sem)", function* (ctx, p) {
    yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "rwsem"), true);
    return void 0;
  }).fn("void up_read(struct rw_semaphore *sem)", (ctx, p) => {
    release(ctx, kernelOf(ctx).locks.resolve(p, ctx, "rwsem"), true);
    return void 0;
  }).gen("void down_write(struct rw_semaphore *sem)", function* (ctx, p) {
    yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "rwsem"), false);
    return void 0;
  }).fn("void up_write(struct rw_semaphore *sem)", (ctx, p) => {
    release(ctx, kernelOf(ctx).locks.resolve(p, ctx, "rwsem"), false);
    return void 0;
  }).in("include/linux/atomic.h").fn("bool atomic_inc_not_zero(int *v)", (ctx, p) => {
    const cell = p;
    const v = Number(cell.region.load(cell.index, ctx));
    if (v === 0) return 0;
    cell.region.store(cell.index, v + 1, ctx);
    return 1;
  }).fn("bool atomic_dec_and_test(int *v)", (ctx, p) => {
    const cell = p;
    const v = Number(cell.region.load(cell.index, ctx)) - 1;
    cell.region.store(cell.index, v, ctx);
    return b(v === 0);
  }).in("include/linux/rmap.h").fn("void put_anon_vma(struct anon_vma *anon_vma)", (ctx, p) => {
    const av = asStruct(p, AnonVma, ctx, "anon_vma");
    if (--av.refcount === 0) ctx.notModelled("freeing an anon_vma");
    return void 0;
  }).fn("void __put_anon_vma(struct anon_vma *anon_vma)", (ctx) => ctx.notModelled("__put_anon_vma: freeing an anon_vma")).in("include/linux/rcupdate.h").fn("void rcu_read_lock(void)", () => void 0).fn("void rcu_read_unlock(void)", () => void 0).in("include/linux/sched.h").fn("void cond_resched(void)", () => void 0).fn("void might_sleep(void)", () => void 0).fn("struct task_struct *get_current(void)", (ctx) => {
    const k = kernelOf(ctx);
    let o = k.named.get(`task:${ctx.thread.name}`);
    if (!o) {
      o = k.plain("task_struct", `task ${ctx.thread.name}`, {});
      k.named.set(`task:${ctx.thread.name}`, o);
    }
    return o.self;
  }).fn("bool fatal_signal_pending(struct task_struct *p)", () => 0).in("include/linux/err.h").fn("void *ERR_PTR(long error)", (ctx, e) => ctx.mem.ptrAt(BigInt.asUintN(64, BigInt(e)), { k: "void" })).fn("bool IS_ERR(const void *ptr)", (_ctx, p) => b(isErr2(p))).fn("long PTR_ERR(const void *ptr)", (_ctx, p) => p instanceof Ptr ? BigInt.asIntN(64, p.address) : 0n).in("include/linux/fs.h").fn("bool vma_is_fsdax(struct vm_area_struct *vma)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), 0)).in("include/linux/secretmem.h").fn("bool vma_is_secretmem(struct vm_area_struct *vma)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), 0)).in("arch/x86/include/asm/mmu_context.h").fn("bool arch_vma_access_permitted(struct vm_area_struct *vma, bool write, bool execute, bool foreign)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), 1)).in("include/linux/hugetlb.h").fn("struct page *follow_huge_addr(struct mm_struct *mm, unsigned long address, int write)", (ctx) => ctx.mem.ptrAt(BigInt.asUintN(64, -22n), { k: "void" })).releasesOf({ until: "6.1" }).fn("struct page *follow_huge_pd(struct vm_area_struct *vma, unsigned long address, hugepd_t hpd, int flags, int pdshift)", (ctx) => ctx.notModelled("follow_huge_pd: hugepd directories")).fn("struct page *follow_huge_pgd(struct mm_struct *mm, unsigned long address, pgd_t *pgd, int flags)", (ctx) => ctx.notModelled("follow_huge_pgd: hugetlb pgd entries")).fn("struct page *follow_huge_pud(struct mm_struct *mm, unsigned long address, pud_t *pud, int flags)", (ctx) => ctx.notModelled("follow_huge_pud: hugetlb pages")).fn("struct page *follow_huge_pmd(struct mm_struct *mm, unsigned long address, pmd_t *pmd, int flags)", (ctx) => ctx.notModelled("follow_huge_pmd: hugetlb pages")).fn("long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma, struct page **pages, struct vm_area_struct **vmas, unsigned long *position, unsigned long *nr_pages, long i, unsigned int flags, int *locked)", (ctx) => ctx.notModelled("follow_hugetlb_page: hugetlb vmas")).fn("unsigned long hugetlb_change_protection(struct vm_area_struct *vma, unsigned long address, unsigned long end, pgprot_t newprot)", (ctx) => ctx.notModelled("hugetlb_change_protection: hugetlb vmas")).in("include/linux/huge_mm.h").fn("struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags, struct dev_pagemap **pgmap)", (ctx) => ctx.notModelled("follow_devmap_pmd: devmap pmds")).fn("struct page *follow_devmap_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, int flags, struct dev_pagemap **pgmap)", (ctx) => ctx.notModelled("follow_devmap_pud: devmap puds")).in("mm/gup.c").fn("long __gup_longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)", (ctx) => ctx.notModelled("__gup_longterm_locked: FOLL_LONGTERM")).fn("int get_gate_page(struct mm_struct *mm, unsigned long address, unsigned int gup_flags, struct vm_area_struct **vma, struct page **page)", (ctx) => ctx.notModelled("get_gate_page: the gate area")).in("include/linux/swap.h").fn("void put_swap_device(struct swap_info_struct *si)", (ctx) => ctx.notModelled("put_swap_device: swap devices")).releasesOf({}).in("include/linux/userfaultfd_k.h").fn("bool userfaultfd_wp(struct vm_area_struct *vma)", (ctx, v) => b((asStruct(v, Vma, ctx, "vma").flags & VM_UFFD_WP) !== 0n));
  v61Mm(t);
  laterMm(t);
  return t;
}
function cellOf(ctx, p, what) {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  return { get: () => Number(p.region.load(p.index, ctx)), set: (v) => p.region.store(p.index, v, ctx) };
}
function v61Mm(t) {
  t.releasesOf({ from: "6.1" }).in("include/linux/mmap_lock.h").gen("int mmap_read_lock_killable(struct mm_struct *mm)", function* (ctx, mmp) {
    yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, "mm").mmapLock, true);
    return 0;
  }).in("include/linux/mm.h").fn("bool transhuge_vma_suitable(struct vm_area_struct *vma, unsigned long addr)", (ctx, v, addr2) => {
    const vma = asStruct(v, Vma, ctx, "vma");
    const haddr = addr2 & ~0x1fffffn;
    if (((vma.start >> 12n) - vma.pgoff & 511n) !== 0n) return 0;
    return b(haddr >= vma.start && haddr + 0x200000n <= vma.end);
  }).fn("void node_stat_mod_folio(struct folio *folio, int item, int nr)", () => void 0).in("include/asm-generic/barrier.h").fn("void smp_rmb(void)", () => void 0).in("include/linux/atomic.h").fn("int atomic_read(const int *v)", (ctx, p) => cellOf(ctx, p, "atomic_read").get()).fn("void atomic_add(int i, int *v)", (ctx, i2, p) => {
    const c = cellOf(ctx, p, "atomic_add");
    c.set(c.get() + Number(i2));
    return void 0;
  }).in("include/asm-generic/tlb.h").fn("void tlb_change_page_size(struct mmu_gather *tlb, unsigned int page_size)", (ctx, g) => (gather(ctx, g), void 0)).fn("void tlb_start_vma(struct mmu_gather *tlb, struct vm_area_struct *vma)", (ctx, g) => (gather(ctx, g), void 0)).fn("void tlb_end_vma(struct mmu_gather *tlb, struct vm_area_struct *vma)", (ctx, g) => (gather(ctx, g), void 0)).fn("void tlb_flush_pte_range(struct mmu_gather *tlb, unsigned long address, unsigned long size)", (ctx, g) => (gather(ctx, g), void 0)).releasesOf({});
}
function gather(ctx, g) {
  const o = objectAt(g);
  if (!o || o.structName !== "mmu_gather") ctx.bug("tlb is not the mmu_gather of a tlb_gather_mmu()");
}
function laterMm(t) {
  t.releasesOf({ from: "6.13" }).in("include/linux/mm.h").fn("struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)", (ctx, mmp, addr2) => {
    const v = asStruct(mmp, MmStruct, ctx, "mm").vmaAt(addr2);
    return v ? v.self : null;
  }).fn("void vma_pgtable_walk_begin(struct vm_area_struct *vma)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), void 0)).fn("void vma_pgtable_walk_end(struct vm_area_struct *vma)", (ctx, v) => (asStruct(v, Vma, ctx, "vma"), void 0)).fn("unsigned long untagged_addr_remote(struct mm_struct *mm, unsigned long addr)", (_ctx, _mm, a) => a).fn("bool is_pci_p2pdma_page(const struct page *page)", () => 0).fn("int arch_make_folio_accessible(struct folio *folio)", () => 0).in("include/linux/mmap_lock.h").fn("void mmap_assert_locked(const struct mm_struct *mm)", (ctx, mmp) => {
    const mm = asStruct(mmp, MmStruct, ctx, "mm");
    if (!mm.mmapLock.holders().length) ctx.bug(`mmap_assert_locked: ${mm.mmapLock.name} is not held`);
    return void 0;
  }).in("include/linux/sched/signal.h").fn("bool signal_pending(struct task_struct *p)", () => 0).in("include/linux/printk.h").fn("void dump_stack(void)", () => void 0).in("include/linux/atomic.h").fn("void atomic_sub(int i, int *v)", (ctx, i2, p) => {
    const c = cellOf(ctx, p, "atomic_sub");
    c.set(c.get() - Number(i2));
    return void 0;
  }).releasesOf({});
}
var MAX_ERRNO2, VM_UFFD_WP;
var init_mm = __esm({
  "src/model/kernel/builtins/mm.ts"() {
    "use strict";
    init_api();
    init_state();
    init_locks();
    init_object();
    init_memory2();
    init_vma();
    init_pgtable2();
    init_def();
    MAX_ERRNO2 = 4095n;
    VM_UFFD_WP = 0x1000n;
  }
});

// src/model/kernel/builtins/pte-map.ts
function pteTableOrNull(ctx, pmdp) {
  const s = slotOf(ctx, pmdp, "pmd", "pmd");
  const v = s.table.entries[s.i].v;
  if (v.k !== "table") return null;
  return kernelOf(ctx).tablesByPfn.get(v.tablePfn);
}
function store(ctx, p, v, what) {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  p.region.store(p.index, v, ctx);
}
function pteMapBuiltins() {
  const t = new TableBuilder("include/linux/pgtable.h").releasesOf({ from: "6.13" });
  t.fn("pte_t ptep_get(pte_t *ptep)", (ctx, p) => {
    const s = slotOf(ctx, p, "pte", "ptep");
    return s.table.entries[s.i];
  }).fn("pmd_t pmdp_get_lockless(pmd_t *pmdp)", (ctx, p) => {
    const s = slotOf(ctx, p, "pmd", "pmdp");
    return s.table.entries[s.i];
  }).in("arch/x86/include/asm/pgtable.h").fn("bool pmd_leaf(pmd_t pte)", (ctx, v) => {
    if (!(v instanceof Pmd)) return ctx.bug("pmd_leaf of a value that is not a pmd_t");
    return b(v.v.k === "huge");
  }).fn("bool pud_leaf(pud_t pud)", (ctx, v) => v instanceof UpperEntry ? 0 : ctx.bug("pud_leaf of a value that is not a pud_t")).fn("bool p4d_leaf(p4d_t p4d)", (ctx, v) => v instanceof UpperEntry ? 0 : ctx.bug("p4d_leaf of a value that is not a p4d_t")).in("include/linux/pgtable.h").releasesOf({ from: "6.5" }).fn("pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)", (ctx, p, addr2) => pteTableOrNull(ctx, p)?.ptr(indexAt("pte", addr2)) ?? null).gen("pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, spinlock_t **ptlp)", function* (ctx, _mm, p, addr2, ptlp) {
    const table = pteTableOrNull(ctx, p);
    if (!table) return null;
    store(ctx, ptlp, table.lock.self, "ptlp");
    yield* acquire(ctx, table.lock);
    return table.ptr(indexAt("pte", addr2));
  }).releasesOf({ from: "6.13" }).fn("pud_t pudp_get(pud_t *pudp)", (ctx, p) => {
    const s = slotOf(ctx, p, "pud", "pudp");
    return s.table.entries[s.i];
  }).fn("pmd_t pmdp_get(pmd_t *pmdp)", (ctx, p) => {
    const s = slotOf(ctx, p, "pmd", "pmdp");
    return s.table.entries[s.i];
  }).fn("struct page *vm_normal_page_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t pmd)", (ctx, _v, _a, v) => {
    if (!(v instanceof Pmd) || v.v.k !== "huge") return ctx.bug("vm_normal_page_pmd of a pmd that maps no THP");
    const k = kernelOf(ctx);
    if (k.memmap.state(v.v.pfn).kind === "zero") return null;
    return k.memmap.ptr(v.v.pfn);
  }).fn("bool pud_special(pud_t pud)", (ctx, v) => v instanceof UpperEntry ? 0 : ctx.bug("pud_special of a value that is not a pud_t")).fn("struct page *pud_page(pud_t pud)", (ctx) => ctx.notModelled("pud_page: huge puds")).fn("pte_t *pte_offset_map_rw_nolock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, pmd_t *pmdvalp, spinlock_t **ptlp)", (ctx, _mm, p, addr2, pmdvalp, ptlp) => {
    const s = slotOf(ctx, p, "pmd", "pmd");
    store(ctx, pmdvalp, s.table.entries[s.i], "pmdvalp");
    const table = pteTableOrNull(ctx, p);
    if (!table) return null;
    store(ctx, ptlp, table.lock.self, "ptlp");
    return table.ptr(indexAt("pte", addr2));
  });
  return t;
}
var init_pte_map = __esm({
  "src/model/kernel/builtins/pte-map.ts"() {
    "use strict";
    init_api();
    init_state();
    init_locks();
    init_pgtable();
    init_pgtable_types();
    init_def();
    init_pgtable2();
  }
});

// src/model/kernel/builtins/sync.ts
function cString(ctx, p) {
  if (typeof p === "string") return p;
  if (!(p instanceof Ptr)) return String(p);
  let s = "";
  for (let i2 = p.index; i2 < p.region.length; i2++) {
    const c = Number(p.region.load(i2, ctx));
    if (!c) break;
    s += String.fromCharCode(c);
  }
  return s;
}
function syncBuiltins() {
  const t = new TableBuilder("include/linux/spinlock.h");
  t.gen("void spin_lock(spinlock_t *lock)", function* (ctx, p) {
    yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "spinlock"));
    return void 0;
  }).fn("void spin_unlock(spinlock_t *lock)", (ctx, p) => {
    release(ctx, kernelOf(ctx).locks.resolve(p, ctx, "spinlock"));
    return void 0;
  }).in("include/linux/mutex.h").fn("void mutex_init(struct mutex *lock)", (ctx, p) => {
    kernelOf(ctx).locks.resolve(p, ctx, "mutex");
    return void 0;
  }).gen("void mutex_lock(struct mutex *lock)", function* (ctx, p) {
    yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "mutex"));
    return void 0;
  }).fn("int mutex_trylock(struct mutex *lock)", (ctx, p) => b(tryAcquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, "mutex")))).fn("void mutex_unlock(struct mutex *lock)", (ctx, p) => {
    release(ctx, kernelOf(ctx).locks.resolve(p, ctx, "mutex"));
    return void 0;
  }).in("include/linux/wait.h").gen("void __wait_event_sleep(wait_queue_head_t *wq)", function* (ctx, p) {
    const q = kernelOf(ctx).locks.resolveQueue(p, ctx);
    yield { blockedOn: q.waitable() };
    return void 0;
  }).in("include/linux/mmu_notifier.h").gen("void __mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)", function* (ctx, r) {
    yield* invalidateRangeStart(ctx, kernelOf(ctx), r);
    return void 0;
  }).releasesOf({ until: "6.6" }).gen("void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range, bool only_end)", function* (ctx, r) {
    yield* invalidateRangeEnd(ctx, kernelOf(ctx), r);
    return void 0;
  }).releasesOf({ from: "6.6" }).gen("void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)", function* (ctx, r) {
    yield* invalidateRangeEnd(ctx, kernelOf(ctx), r);
    return void 0;
  }).releasesOf({}).fn(
    "int mmu_interval_notifier_insert(struct mmu_interval_notifier *interval_sub, struct mm_struct *mm, unsigned long start, unsigned long length, const struct mmu_interval_notifier_ops *ops)",
    (ctx, sub, mmp, start2, length, ops) => {
      const mm = asStruct(mmp, MmStruct, ctx, "mm");
      return intervalInsert(ctx, kernelOf(ctx), sub, mm, start2, length, ops);
    }
  ).gen("void mmu_interval_notifier_remove(struct mmu_interval_notifier *interval_sub)", function* (ctx, sub) {
    yield* intervalRemove(ctx, kernelOf(ctx), sub);
    return void 0;
  }).fn("int __mmu_notifier_register(struct mmu_notifier *subscription, struct mm_struct *mm)", (ctx, sub, mmp) => {
    structAt(sub, ctx, "subscription");
    return classicRegister(ctx, kernelOf(ctx), sub, asStruct(mmp, MmStruct, ctx, "mm"));
  }).releasesOf({ from: "6.1" }).in("include/linux/lockdep.h").fn("void lock_map_acquire(struct lockdep_map *map)", () => void 0).fn("void lock_map_release(struct lockdep_map *map)", () => void 0).releasesOf({}).in("include/linux/jiffies.h").fn("unsigned long get_jiffies_64(void)", (ctx) => kernelOf(ctx).jiffies).fn("unsigned long msecs_to_jiffies(unsigned int m)", (_ctx, m) => (BigInt(Number(m)) * HZ + 999n) / 1000n).in("(model)").fn("void model_not_modelled(const char *what)", (ctx, what) => ctx.notModelled(cString(ctx, what)));
  return t;
}
var init_sync = __esm({
  "src/model/kernel/builtins/sync.ts"() {
    "use strict";
    init_api();
    init_state();
    init_locks();
    init_object();
    init_mmu_notifier();
    init_vma();
    init_def();
  }
});

// src/model/kernel/builtins/unmodelled.ts
function unmodelledBuiltins() {
  const t = new TableBuilder("");
  const add = (rows) => {
    for (const [header, proto, what] of rows) t.in(header).fn(proto, (ctx) => ctx.notModelled(`${protoName(proto)}: ${what}`));
  };
  t.releasesOf({ from: "6.1" });
  add(NOT_MODELLED);
  t.releasesOf({ from: "6.13" });
  add(NOT_MODELLED_613);
  for (const [header, proto, what, releases] of NOT_MODELLED_SOME) t.releasesOf(releases).in(header).fn(proto, (ctx) => ctx.notModelled(`${protoName(proto)}: ${what}`));
  return t;
}
var NOT_MODELLED, NOT_MODELLED_613, NOT_MODELLED_SOME;
var init_unmodelled = __esm({
  "src/model/kernel/builtins/unmodelled.ts"() {
    "use strict";
    init_def();
    NOT_MODELLED = [
      ["include/linux/hugetlb.h", "struct page *follow_huge_pmd_pte(struct vm_area_struct *vma, unsigned long address, int flags)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "struct page *follow_huge_pud(struct mm_struct *mm, unsigned long address, pud_t *pud, int flags)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "struct page *follow_huge_pgd(struct mm_struct *mm, unsigned long address, pgd_t *pgd, int flags)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma, struct page **pages, struct vm_area_struct **vmas, unsigned long *position, unsigned long *nr_pages, long i, unsigned int flags, int *locked)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "long hugetlb_change_protection(struct vm_area_struct *vma, unsigned long address, unsigned long end, pgprot_t newprot, unsigned long cp_flags)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "struct hstate *hstate_vma(struct vm_area_struct *vma)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "unsigned long huge_page_size(struct hstate *h)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr, unsigned long sz)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "spinlock_t *huge_pte_lock(struct hstate *h, struct mm_struct *mm, pte_t *pte)", "hugetlb vmas"],
      ["include/linux/pagemap.h", "pgoff_t hugetlb_basepage_index(struct page *page)", "hugetlb folios"],
      ["include/linux/huge_mm.h", "struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags, struct dev_pagemap **pgmap)", "devmap pmds"],
      ["include/linux/huge_mm.h", "struct page *follow_devmap_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, int flags, struct dev_pagemap **pgmap)", "devmap puds"],
      ["mm/gup.c", "int get_gate_page(struct mm_struct *mm, unsigned long address, unsigned int gup_flags, struct vm_area_struct **vma, struct page **page)", "the gate area"],
      ["mm/gup.c", "long __gup_longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)", "FOLL_LONGTERM"],
      ["include/linux/mm.h", "int *folio_pincount_ptr(struct folio *folio)", "FOLL_PIN"],
      ["include/linux/mm.h", "void mm_set_has_pinned_flag(unsigned long *mm_flags)", "FOLL_PIN"],
      ["include/linux/mm.h", "int page_to_nid(struct page *page)", "NUMA balancing"],
      ["include/linux/mm.h", "bool page_is_file_lru(struct page *page)", "NUMA balancing"],
      ["include/linux/mm.h", "bool xchg_page_access_time(struct page *page, int time)", "NUMA balancing"],
      ["include/linux/memory-tiers.h", "bool node_is_toptier(int node)", "NUMA balancing"],
      ["include/linux/topology.h", "int numa_node_id(void)", "NUMA balancing"],
      ["include/linux/jiffies.h", "unsigned int jiffies_to_msecs(unsigned long j)", "NUMA balancing"],
      ["include/linux/swap.h", "void put_swap_device(struct swap_info_struct *si)", "swap devices"],
      ["include/linux/slab.h", "void kfree(const void *objp)", "freeing model objects"]
    ];
    NOT_MODELLED_613 = [
      ["include/linux/hugetlb.h", "pte_t *hugetlb_walk(struct vm_area_struct *vma, unsigned long addr, unsigned long sz)", "hugetlb vmas"],
      ["include/linux/hugetlb.h", "bool hugetlbfs_pagecache_present(struct hstate *h, struct vm_area_struct *vma, unsigned long address)", "hugetlb vmas"],
      ["include/linux/huge_mm.h", "void __split_huge_pud(struct vm_area_struct *vma, pud_t *pud, unsigned long address)", "huge puds"],
      ["include/linux/huge_mm.h", "int change_huge_pud(struct mmu_gather *tlb, struct vm_area_struct *vma, pud_t *pudp, unsigned long addr, pgprot_t newprot, unsigned long cp_flags)", "huge puds"],
      ["include/linux/huge_mm.h", "void touch_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, bool write)", "huge puds"],
      ["include/linux/mm.h", "spinlock_t *pud_lockptr(struct mm_struct *mm, pud_t *pud)", "huge puds"],
      ["arch/x86/include/asm/pgtable.h", "unsigned long pud_pfn(pud_t pud)", "huge puds"],
      ["arch/x86/include/asm/pgtable.h", "int pud_write(pud_t pud)", "huge puds"],
      ["include/linux/mm.h", "bool vma_needs_dirty_tracking(struct vm_area_struct *vma)", "file mappings"],
      ["include/linux/userfaultfd_k.h", "bool userfaultfd_wp_unpopulated(struct vm_area_struct *vma)", "uffd-wp"],
      ["include/linux/mm.h", "struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr, pte_t pte)", "NUMA balancing"],
      ["include/linux/mm.h", "bool folio_is_zone_device(const struct folio *folio)", "NUMA balancing"],
      ["include/linux/mm.h", "bool folio_maybe_dma_pinned(struct folio *folio)", "NUMA balancing"],
      ["include/linux/hugetlb.h", "unsigned long pages_per_huge_page(const struct hstate *h)", "hugetlb vmas"],
      ["include/linux/mm_inline.h", "int folio_is_file_lru(struct folio *folio)", "NUMA balancing"],
      ["include/linux/mm.h", "int folio_nid(const struct folio *folio)", "NUMA balancing"],
      ["include/linux/mm.h", "bool folio_use_access_time(struct folio *folio)", "NUMA balancing"],
      ["include/linux/mm.h", "int folio_xchg_access_time(struct folio *folio, int time)", "NUMA balancing"],
      ["include/linux/swapops.h", "pte_t make_pte_marker(pte_marker marker)", "pte markers"],
      ["mm/swap.h", "void swapcache_clear(struct swap_info_struct *si, swp_entry_t entry, int nr)", "swap-in"],
      ["include/linux/wait.h", "int waitqueue_active(struct wait_queue_head *wq_head)", "the swap cache wait queue (swap-in)"],
      ["include/linux/wait.h", "void wake_up(struct wait_queue_head *wq_head)", "the swap cache wait queue (swap-in)"]
    ];
    NOT_MODELLED_SOME = [
      ["include/linux/hugetlb.h", "struct page *follow_huge_pd(struct vm_area_struct *vma, unsigned long address, hugepd_t hpd, int flags, int pdshift)", "hugepd tables", { from: "6.1", until: "6.13" }],
      ["include/linux/mm.h", "bool folio_likely_mapped_shared(struct folio *folio)", "NUMA balancing", { from: "6.13", until: "6.15" }],
      ["include/linux/mm.h", "bool folio_maybe_mapped_shared(struct folio *folio)", "NUMA balancing", { from: "6.15" }]
    ];
  }
});

// src/model/kernel/builtins/index.ts
function kernelBuiltins(kernel) {
  let all = cached.get(kernel);
  if (all) return all;
  all = {};
  const parts2 = [pageBuiltins(), folioBuiltins(), folioRmapBuiltins(), pgtableBuiltins(), pteMapBuiltins(), deviceExclusiveBuiltins(), mmBuiltins(), syncBuiltins(), driverBuiltins(), unmodelledBuiltins()];
  for (const part of parts2) {
    for (const [name2, b2] of Object.entries(part.table(kernel))) {
      if (all[name2]) throw new Error(`builtin ${name2} defined twice`);
      all[name2] = b2;
    }
  }
  cached.set(kernel, all);
  return all;
}
var cached, OPAQUE_TYPES;
var init_builtins = __esm({
  "src/model/kernel/builtins/index.ts"() {
    "use strict";
    init_device_exclusive();
    init_drivers();
    init_folio();
    init_folio_rmap();
    init_mm();
    init_page2();
    init_pgtable2();
    init_pte_map();
    init_sync();
    init_unmodelled();
    cached = /* @__PURE__ */ new Map();
    OPAQUE_TYPES = ["pte_t", "pmd_t", "pud_t", "p4d_t", "pgd_t", "swp_entry_t", "pgprot_t"];
  }
});

// src/model/kernel/checks.ts
function pageUses(k) {
  const uses = /* @__PURE__ */ new Map();
  const get = (pfn) => {
    let u = uses.get(pfn);
    if (!u) {
      u = { ptes: 0, exclusive: 0, pmds: 0 };
      uses.set(pfn, u);
    }
    return u;
  };
  for (const mm of k.mms) {
    for (const pmdT of mm.pt.pmdTables()) {
      for (const e of pmdT.entries) {
        const v = e.v;
        if (v.k === "huge") get(v.pfn).pmds++;
      }
    }
    for (const t of mm.pt.pteTables()) {
      for (const e of t.entries) {
        const v = e.v;
        if (v.k === "present") get(v.pfn).ptes++;
        else if (v.k === "swap" && v.entry.isDeviceExclusive) get(Number(v.entry.offset)).exclusive++;
      }
    }
  }
  return uses;
}
function endOfRunChecks(k, uses = pageUses(k)) {
  const out2 = [];
  const pages = k.memmap.all();
  const refsByHead = /* @__PURE__ */ new Map();
  for (const s of pages) {
    if (s.kind !== "anon") continue;
    const u = uses.get(s.pfn) ?? { ptes: 0, exclusive: 0, pmds: 0 };
    refsByHead.set(s.head, (refsByHead.get(s.head) ?? 0) + u.ptes + u.exclusive + u.pmds);
    const mapped = u.ptes + (k.release.exclusiveEntryMapped ? u.exclusive : 0);
    if (s.mapcount + 1 !== mapped) {
      const what = k.release.exclusiveEntryMapped ? "pte mapping(s) and device-exclusive entries" : "pte mapping(s)";
      out2.push({
        kind: "mapcount-mismatch",
        function: s.lastFn || "(unknown)",
        detail: `pfn ${hex(BigInt(s.pfn))}: _mapcount says ${s.mapcount + 1} ${what}, the page tables have ${mapped}`
      });
    }
    if (!s.isTail && s.compoundMapcount + 1 !== u.pmds && (s.isHead || u.pmds > 0)) {
      out2.push({
        kind: "mapcount-mismatch",
        function: s.lastFn || "(unknown)",
        detail: `pfn ${hex(BigInt(s.pfn))}: compound_mapcount says ${s.compoundMapcount + 1} pmd mapping(s), the page tables have ${u.pmds}`
      });
    }
  }
  for (const s of pages) {
    if (s.kind !== "anon" || s.isTail) continue;
    if (s.lockedBy) {
      out2.push({ kind: "page-left-locked", function: s.lastFn || "(unknown)", detail: `pfn ${hex(BigInt(s.pfn))} is still locked by ${s.lockedBy.name} at the end of the run` });
    }
    const want = refsByHead.get(s.pfn) ?? 0;
    if (s.refcount > want) {
      out2.push({
        kind: "refcount-leak",
        function: s.lastFn || "(unknown)",
        detail: `pfn ${hex(BigInt(s.pfn))}: _refcount ${s.refcount}, but only ${want} mapping(s)/device-exclusive entries hold references`
      });
    } else if (s.refcount < want) {
      out2.push({
        kind: "refcount-underflow",
        function: s.lastFn || "(unknown)",
        detail: `pfn ${hex(BigInt(s.pfn))}: _refcount ${s.refcount} is below the ${want} reference(s) its mappings hold`
      });
    }
  }
  if (k.release.anonExclusive) out2.push(...writableShared(k));
  for (const l of k.locks.all) {
    if (l instanceof LockBase && l.holders().length) {
      out2.push({ kind: "lock-leak", function: l.lastFn || "(unknown)", detail: `${l.name} is still held by ${l.holders().map((t) => t.name).join(", ")} at the end of the run` });
    }
  }
  return out2;
}
function writableShared(k) {
  const out2 = [];
  const check = (mmId, addr2, pfn) => {
    const s = k.memmap.state(pfn);
    if (s.kind !== "anon" || s.anonExclusive) return;
    out2.push({
      kind: "writable-shared-page",
      function: s.lastFn || "(unknown)",
      detail: `pfn ${hex(BigInt(pfn))} is mapped writable at ${hex(addr2)} in mm ${mmId} but is not PageAnonExclusive`
    });
  };
  for (const mm of k.mms) {
    for (const pmdT of mm.pt.pmdTables()) {
      pmdT.entries.forEach((e, i2) => {
        const v = e.v;
        if (v.k === "huge" && v.bits.write) check(mm.id, pmdT.addrOf(i2), v.pfn);
      });
    }
    for (const t of mm.pt.pteTables()) {
      t.entries.forEach((e, i2) => {
        const v = e.v;
        if (v.k === "present" && v.bits.write) check(mm.id, t.addrOf(i2), v.pfn);
      });
    }
  }
  return out2;
}
var init_checks = __esm({
  "src/model/kernel/checks.ts"() {
    "use strict";
    init_object();
    init_locks();
  }
});

// src/model/kernel/livelock.ts
function seqCells(k) {
  const out2 = [];
  for (const mm of k.mms) {
    const s = mm.subs;
    if (!s) continue;
    out2.push(s.invalidateSeq);
  }
  return out2;
}
function isSeq(v) {
  return v >= SEQ_BASE - 2n && v < SEQ_RANGE_END;
}
function fmt(v, base) {
  if (typeof v === "bigint") return isSeq(v) ? `seq${v - base}` : v.toString(16);
  if (typeof v === "number") return String(v);
  if (v === null) return "NULL";
  if (v === void 0) return "void";
  if (v === UNINIT) return "?";
  if (v instanceof Ptr) return `${v.region.name}[${v.index}]+${v.byteOffset}`;
  if (typeof v === "object" && "describe" in v) return v.describe();
  if (typeof v === "object" && "structName" in v) return `struct ${v.structName}@${hex(v.self.address)}`;
  return String(v);
}
function quick(v) {
  switch (typeof v) {
    case "number":
      return String(v);
    case "bigint":
      return isSeq(v) ? "s" : v.toString(36);
    case "undefined":
      return "u";
    default:
      if (v === null) return "n";
      if (v instanceof Ptr) {
        let id = regionIds.get(v.region);
        if (id === void 0) regionIds.set(v.region, id = nextRegionId++);
        return `p${id}.${v.index}.${v.byteOffset}`;
      }
      if (v === UNINIT) return "?";
      return "o";
  }
}
function cheapKey(values) {
  let cheap = "";
  for (const val of values) cheap += quick(val) + ",";
  return cheap;
}
var QUIET_VISITS, MAX_CHEAP_KEPT, MAX_FULL_KEPT, MAX_STRIDE, regionIds, nextRegionId, LivelockDetector;
var init_livelock = __esm({
  "src/model/kernel/livelock.ts"() {
    "use strict";
    init_state();
    init_object();
    init_mmu_notifier();
    init_api();
    QUIET_VISITS = 1e3;
    MAX_CHEAP_KEPT = 4096;
    MAX_FULL_KEPT = 64;
    MAX_STRIDE = 64;
    regionIds = /* @__PURE__ */ new WeakMap();
    nextRegionId = 1;
    LivelockDetector = class {
      /** Extra seq values the runtime knows about (subscriber seqs read at the visit). */
      constructor(k, subscriberSeqs) {
        this.k = k;
        this.subscriberSeqs = subscriberSeqs;
      }
      k;
      subscriberSeqs;
      /** Per frame: the state of its one loop head seen so far, or of each by site. */
      sites = /* @__PURE__ */ new WeakMap();
      proof = null;
      /**
       * Called at each loop-head visit. Returns 'livelock' when the run must end with that verdict
       * (a repeat after the clock was already fast-forwarded), otherwise null.
       */
      visit(v) {
        const st = this.stateOf(v.frame, v.site);
        const n = st.visits++;
        let epoch = this.k.jiffies;
        for (const mm of this.k.mms) if (mm.subs) epoch += mm.subs.invalidateSeq;
        const moved = epoch !== st.epoch;
        st.epoch = epoch;
        if (!moved && n < QUIET_VISITS) return null;
        if (!moved && n % st.stride !== 0) return null;
        if (st.pending) {
          this.remember(st, cheapKey(st.pending.values), st.pending.n);
          st.pending = null;
        }
        if (!st.cheap || st.cheap.size === 0) {
          st.pending = { values: v.values ? v.values() : v.locals().map(([, val]) => val), n };
          return null;
        }
        const localList = v.locals();
        const cheap = cheapKey(localList.map(([, val]) => val));
        if (!st.cheap.has(cheap)) {
          this.remember(st, cheap, n);
          return null;
        }
        const all = [...seqCells(this.k), ...this.subscriberSeqs()];
        const base = all.length ? all.reduce((a, b2) => b2 < a ? b2 : a) : 0n;
        const locals = localList.map(([name2, val]) => `${name2}=${fmt(val, base)}`).join(",");
        const full = `${base & 1n}|${locals}|${this.kernelState(base)}`;
        st.full ??= /* @__PURE__ */ new Map();
        const seen = st.full.get(full);
        if (seen === void 0 && st.full.size >= MAX_FULL_KEPT) st.full.clear();
        st.full.set(full, n);
        if (seen === void 0 || !v.alone) return null;
        if (this.proof && this.proof.site === v.site && this.proof.fastForwarded) {
          return "livelock";
        }
        this.proof = { site: v.site, function: v.function, thread: v.thread, period: n - seen, fastForwarded: true };
        this.k.jiffies += HZ * 3600n;
        st.full.clear();
        st.cheap.clear();
        return null;
      }
      stateOf(frame, site) {
        const had = this.sites.get(frame);
        if (had && !(had instanceof Map) && had.site === site) return had;
        const made = () => ({ site, pending: null, cheap: null, full: null, visits: 0, epoch: -1n, stride: 1 });
        if (!had) {
          const st2 = made();
          this.sites.set(frame, st2);
          return st2;
        }
        let bySite;
        if (had instanceof Map) bySite = had;
        else {
          bySite = /* @__PURE__ */ new Map([[had.site, had]]);
          this.sites.set(frame, bySite);
        }
        let st = bySite.get(site);
        if (!st) bySite.set(site, st = made());
        return st;
      }
      /** Add a key to the fast filter's (forgetting them all, and looking less often, when full). */
      remember(st, cheap, n) {
        st.cheap ??= /* @__PURE__ */ new Map();
        if (st.cheap.size >= MAX_CHEAP_KEPT) {
          st.cheap.clear();
          st.stride = Math.min(st.stride * 2, MAX_STRIDE);
        }
        st.cheap.set(cheap, n);
      }
      /** Everything a loop iteration could depend on, seqs relative to `base`. */
      kernelState(base) {
        const k = this.k;
        const parts2 = [`j=${k.jiffies}`, `vmalloc=${k.vmallocBytes}`];
        for (const s of k.memmap.all()) {
          if (s.kind === "free") continue;
          parts2.push(`${s.pfn}:${s.kind}:${s.refcount}:${s.mapcount}:${s.compoundMapcount}:${s.lockedBy?.name ?? ""}:${s.dirty ? 1 : 0}:${s.data}`);
        }
        for (const mm of k.mms) {
          parts2.push(`mm${mm.id}:${mm.users}:${mm.vmas.map((x) => `${x.start}-${x.end}:${x.flags}`).join(";")}`);
          for (const t of mm.pt.pmdTables()) t.entries.forEach((e, i2) => e.v.k !== "none" && parts2.push(`pmd${i2}:${e.describe()}`));
          for (const t of mm.pt.pteTables()) t.entries.forEach((e, i2) => !e.none && parts2.push(`pte${hex(t.addrOf(i2))}:${e.describe()}`));
          const subs = mm.subs;
          if (subs) {
            parts2.push(`subs:${fmt(subs.invalidateSeq, base)}:${subs.activeInvalidateRanges}:${subs.intervals.map((x) => x.name + "@" + x.start).join(";")}:${subs.classic.length}`);
          }
        }
        for (const l of k.locks.all) if ("holders" in l) parts2.push(`${l.name}:${l.holders().map((t) => t.name).join("+")}`);
        parts2.push(...k.gpu.describe());
        for (const [a, x] of k.xarrays) parts2.push(`xa${a}:${x.keys().join(",")}`);
        return parts2.join("\n");
      }
    };
  }
});

// node_modules/diff/libesm/util/string.js
function hasOnlyWinLineEndings(string) {
  return string.includes("\r\n") && !string.startsWith("\n") && !string.match(/[^\r]\n/);
}
function hasOnlyUnixLineEndings(string) {
  return !string.includes("\r\n") && string.includes("\n");
}
var init_string = __esm({
  "node_modules/diff/libesm/util/string.js"() {
  }
});

// node_modules/diff/libesm/patch/line-endings.js
function unixToWin(patch) {
  if (Array.isArray(patch)) {
    return patch.map((p) => unixToWin(p));
  }
  return Object.assign(Object.assign({}, patch), { hunks: patch.hunks.map((hunk) => Object.assign(Object.assign({}, hunk), { lines: hunk.lines.map((line, i2) => {
    var _a;
    return line.startsWith("\\") || line.endsWith("\r") || ((_a = hunk.lines[i2 + 1]) === null || _a === void 0 ? void 0 : _a.startsWith("\\")) ? line : line + "\r";
  }) })) });
}
function winToUnix(patch) {
  if (Array.isArray(patch)) {
    return patch.map((p) => winToUnix(p));
  }
  return Object.assign(Object.assign({}, patch), { hunks: patch.hunks.map((hunk) => Object.assign(Object.assign({}, hunk), { lines: hunk.lines.map((line) => line.endsWith("\r") ? line.substring(0, line.length - 1) : line) })) });
}
function isUnix(patch) {
  if (!Array.isArray(patch)) {
    patch = [patch];
  }
  return !patch.some((index) => index.hunks.some((hunk) => hunk.lines.some((line) => !line.startsWith("\\") && line.endsWith("\r"))));
}
function isWin(patch) {
  if (!Array.isArray(patch)) {
    patch = [patch];
  }
  return patch.some((index) => index.hunks.some((hunk) => hunk.lines.some((line) => line.endsWith("\r")))) && patch.every((index) => index.hunks.every((hunk) => hunk.lines.every((line, i2) => {
    var _a;
    return line.startsWith("\\") || line.endsWith("\r") || ((_a = hunk.lines[i2 + 1]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"));
  })));
}
var init_line_endings = __esm({
  "node_modules/diff/libesm/patch/line-endings.js"() {
  }
});

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list2 = [];
  let i2 = 0;
  function parseIndex() {
    const index = {};
    list2.push(index);
    while (i2 < diffstr.length) {
      const line = diffstr[i2];
      if (/^(---|\+\+\+|@@)\s/.test(line)) {
        break;
      }
      const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
      if (headerMatch) {
        index.index = line.substring(headerMatch[0].length).trim();
      }
      i2++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    index.hunks = [];
    while (i2 < diffstr.length) {
      const line = diffstr[i2];
      if (/^(Index:\s|diff\s|---\s|\+\+\+\s|===================================================================)/.test(line)) {
        break;
      } else if (/^@@/.test(line)) {
        index.hunks.push(parseHunk());
      } else if (line) {
        throw new Error("Unknown line " + (i2 + 1) + " " + JSON.stringify(line));
      } else {
        i2++;
      }
    }
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i2]);
    if (fileHeaderMatch) {
      const prefix = fileHeaderMatch[1], data = diffstr[i2].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
      let fileName = data[0].replace(/\\\\/g, "\\");
      if (fileName.startsWith('"') && fileName.endsWith('"')) {
        fileName = fileName.substr(1, fileName.length - 2);
      }
      if (prefix === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header;
      } else {
        index.newFileName = fileName;
        index.newHeader = header;
      }
      i2++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i2, chunkHeaderLine = diffstr[i2++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i2 < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i2]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i2++) {
      const operation = diffstr[i2].length == 0 && i2 != diffstr.length - 1 ? " " : diffstr[i2][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i2]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i2]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    return hunk;
  }
  while (i2 < diffstr.length) {
    parseIndex();
  }
  return list2;
}
var init_parse = __esm({
  "node_modules/diff/libesm/patch/parse.js"() {
  }
});

// node_modules/diff/libesm/util/distance-iterator.js
function distance_iterator_default(start2, minLine, maxLine) {
  let wantForward = true, backwardExhausted = false, forwardExhausted = false, localOffset = 1;
  return function iterator() {
    if (wantForward && !forwardExhausted) {
      if (backwardExhausted) {
        localOffset++;
      } else {
        wantForward = false;
      }
      if (start2 + localOffset <= maxLine) {
        return start2 + localOffset;
      }
      forwardExhausted = true;
    }
    if (!backwardExhausted) {
      if (!forwardExhausted) {
        wantForward = true;
      }
      if (minLine <= start2 - localOffset) {
        return start2 - localOffset++;
      }
      backwardExhausted = true;
      return iterator();
    }
    return void 0;
  };
}
var init_distance_iterator = __esm({
  "node_modules/diff/libesm/util/distance-iterator.js"() {
  }
});

// node_modules/diff/libesm/patch/apply.js
function applyPatch(source, patch, options = {}) {
  let patches;
  if (typeof patch === "string") {
    patches = parsePatch(patch);
  } else if (Array.isArray(patch)) {
    patches = patch;
  } else {
    patches = [patch];
  }
  if (patches.length > 1) {
    throw new Error("applyPatch only works with a single input.");
  }
  return applyStructuredPatch(source, patches[0], options);
}
function applyStructuredPatch(source, patch, options = {}) {
  if (options.autoConvertLineEndings || options.autoConvertLineEndings == null) {
    if (hasOnlyWinLineEndings(source) && isUnix(patch)) {
      patch = unixToWin(patch);
    } else if (hasOnlyUnixLineEndings(source) && isWin(patch)) {
      patch = winToUnix(patch);
    }
  }
  const lines = source.split("\n"), hunks = patch.hunks, compareLine = options.compareLine || ((lineNumber, line, operation, patchContent) => line === patchContent), fuzzFactor = options.fuzzFactor || 0;
  let minLine = 0;
  if (fuzzFactor < 0 || !Number.isInteger(fuzzFactor)) {
    throw new Error("fuzzFactor must be a non-negative integer");
  }
  if (!hunks.length) {
    return source;
  }
  let prevLine = "", removeEOFNL = false, addEOFNL = false;
  for (let i2 = 0; i2 < hunks[hunks.length - 1].lines.length; i2++) {
    const line = hunks[hunks.length - 1].lines[i2];
    if (line[0] == "\\") {
      if (prevLine[0] == "+") {
        removeEOFNL = true;
      } else if (prevLine[0] == "-") {
        addEOFNL = true;
      }
    }
    prevLine = line;
  }
  if (removeEOFNL) {
    if (addEOFNL) {
      if (!fuzzFactor && lines[lines.length - 1] == "") {
        return false;
      }
    } else if (lines[lines.length - 1] == "") {
      lines.pop();
    } else if (!fuzzFactor) {
      return false;
    }
  } else if (addEOFNL) {
    if (lines[lines.length - 1] != "") {
      lines.push("");
    } else if (!fuzzFactor) {
      return false;
    }
  }
  function applyHunk(hunkLines, toPos, maxErrors, hunkLinesI = 0, lastContextLineMatched = true, patchedLines = [], patchedLinesLength = 0) {
    let nConsecutiveOldContextLines = 0;
    let nextContextLineMustMatch = false;
    for (; hunkLinesI < hunkLines.length; hunkLinesI++) {
      const hunkLine = hunkLines[hunkLinesI], operation = hunkLine.length > 0 ? hunkLine[0] : " ", content = hunkLine.length > 0 ? hunkLine.substr(1) : hunkLine;
      if (operation === "-") {
        if (compareLine(toPos + 1, lines[toPos], operation, content)) {
          toPos++;
          nConsecutiveOldContextLines = 0;
        } else {
          if (!maxErrors || lines[toPos] == null) {
            return null;
          }
          patchedLines[patchedLinesLength] = lines[toPos];
          return applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI, false, patchedLines, patchedLinesLength + 1);
        }
      }
      if (operation === "+") {
        if (!lastContextLineMatched) {
          return null;
        }
        patchedLines[patchedLinesLength] = content;
        patchedLinesLength++;
        nConsecutiveOldContextLines = 0;
        nextContextLineMustMatch = true;
      }
      if (operation === " ") {
        nConsecutiveOldContextLines++;
        patchedLines[patchedLinesLength] = lines[toPos];
        if (compareLine(toPos + 1, lines[toPos], operation, content)) {
          patchedLinesLength++;
          lastContextLineMatched = true;
          nextContextLineMustMatch = false;
          toPos++;
        } else {
          if (nextContextLineMustMatch || !maxErrors) {
            return null;
          }
          return lines[toPos] && (applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI + 1, false, patchedLines, patchedLinesLength + 1) || applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI, false, patchedLines, patchedLinesLength + 1)) || applyHunk(hunkLines, toPos, maxErrors - 1, hunkLinesI + 1, false, patchedLines, patchedLinesLength);
        }
      }
    }
    patchedLinesLength -= nConsecutiveOldContextLines;
    toPos -= nConsecutiveOldContextLines;
    patchedLines.length = patchedLinesLength;
    return {
      patchedLines,
      oldLineLastI: toPos - 1
    };
  }
  const resultLines = [];
  let prevHunkOffset = 0;
  for (let i2 = 0; i2 < hunks.length; i2++) {
    const hunk = hunks[i2];
    let hunkResult;
    const maxLine = lines.length - hunk.oldLines + fuzzFactor;
    let toPos;
    for (let maxErrors = 0; maxErrors <= fuzzFactor; maxErrors++) {
      toPos = hunk.oldStart + prevHunkOffset - 1;
      const iterator = distance_iterator_default(toPos, minLine, maxLine);
      for (; toPos !== void 0; toPos = iterator()) {
        hunkResult = applyHunk(hunk.lines, toPos, maxErrors);
        if (hunkResult) {
          break;
        }
      }
      if (hunkResult) {
        break;
      }
    }
    if (!hunkResult) {
      return false;
    }
    for (let i3 = minLine; i3 < toPos; i3++) {
      resultLines.push(lines[i3]);
    }
    for (let i3 = 0; i3 < hunkResult.patchedLines.length; i3++) {
      const line = hunkResult.patchedLines[i3];
      resultLines.push(line);
    }
    minLine = hunkResult.oldLineLastI + 1;
    prevHunkOffset = toPos + 1 - hunk.oldStart;
  }
  for (let i2 = minLine; i2 < lines.length; i2++) {
    resultLines.push(lines[i2]);
  }
  return resultLines.join("\n");
}
var init_apply = __esm({
  "node_modules/diff/libesm/patch/apply.js"() {
    init_string();
    init_line_endings();
    init_parse();
    init_distance_iterator();
  }
});

// node_modules/diff/libesm/index.js
var init_libesm = __esm({
  "node_modules/diff/libesm/index.js"() {
    init_apply();
    init_parse();
  }
});

// src/model/source/index.ts
var source_exports = {};
__export(source_exports, {
  BASES: () => BASES,
  BASE_SPECS: () => BASE_SPECS,
  PatchError: () => PatchError,
  applyModelPatch: () => applyModelPatch,
  baseInfo: () => baseInfo,
  baseSpec: () => baseSpec,
  loadBase: () => loadBase,
  modelFiles: () => modelFiles,
  postedMail: () => postedMail,
  sourceDir: () => sourceDir
});
import { existsSync as existsSync2, readFileSync as readFileSync3, readdirSync as readdirSync2, statSync } from "node:fs";
import { dirname as dirname2, join as join4, relative, resolve } from "node:path";
import { fileURLToPath as fileURLToPath4 } from "node:url";
function sourceDir() {
  const here = dirname2(fileURLToPath4(new URL("model/source/index.js", import.meta.url).href));
  if (existsSync2(join4(here, MARKER))) return here;
  for (let d = here, i2 = 0; i2 < 8; i2++, d = dirname2(d)) {
    const p = join4(d, "src", "model", "source");
    if (existsSync2(join4(p, MARKER))) return p;
  }
  return resolve(here, "..", "..", "..", "src", "model", "source");
}
function walk(dir2, root, out2) {
  for (const name2 of readdirSync2(dir2).sort()) {
    const p = join4(dir2, name2);
    if (statSync(p).isDirectory()) walk(p, root, out2);
    else if (name2.endsWith(".c") || name2.endsWith(".h")) out2.push({ path: relative(root, p).split("\\").join("/"), text: readFileSync3(p, "utf8") });
  }
}
function treeSources(name2) {
  let t = trees.get(name2);
  if (!t) {
    const root = join4(sourceDir(), name2);
    const all = [];
    walk(root, root, all);
    t = [...all.filter((s) => s.path.endsWith(".h")), ...all.filter((s) => s.path.endsWith(".c"))];
    trees.set(name2, t);
  }
  return t.map((s) => ({ ...s }));
}
function baseInfo(name2) {
  const spec = baseSpec(name2);
  if (!spec) throw new PatchError(null, `unknown base ${JSON.stringify(name2)} (bases: ${BASES.join(", ")})`);
  const patch = spec.kind === "posting" ? readFileSync3(join4(sourceDir(), `${spec.name}.patch`), "utf8") : "";
  return { name: spec.name, spec, description: spec.summary, patch };
}
function applyModelPatch(sources, patch, what = "patch") {
  if (!patch.trim()) return sources;
  let files;
  try {
    files = parsePatch(patch);
  } catch (err2) {
    throw new PatchError(what, `not a unified diff (${err2.message})`);
  }
  const out2 = sources.map((s) => ({ ...s }));
  for (const f of files) {
    const name2 = (f.newFileName && f.newFileName !== "/dev/null" ? f.newFileName : f.oldFileName ?? "").replace(/^[ab]\//, "");
    if (!name2) throw new PatchError(what, "a file section without a file name");
    const src = out2.find((s) => s.path === name2);
    if (!src) throw new PatchError(what, `${name2} is not a model source`);
    const r = applyPatch(src.text, f);
    if (r === false) throw new PatchError(what, `does not apply to ${name2}`);
    src.text = r;
  }
  return out2;
}
function baseSources(info2) {
  if (info2.spec.kind === "release") return treeSources(info2.name);
  return applyModelPatch(baseSources(baseInfo(info2.spec.over)), info2.patch, `base ${info2.name}`);
}
function loadBase(name2, extraPatches = []) {
  const base = baseInfo(name2);
  let sources = baseSources(base);
  for (const p of extraPatches) sources = applyModelPatch(sources, p.patch, p.name);
  return { base, sources };
}
function modelFiles() {
  const paths = /* @__PURE__ */ new Set();
  for (const b2 of BASE_SPECS) if (b2.kind === "release") for (const s of treeSources(b2.name)) paths.add(s.path);
  return [...paths].sort();
}
var MARKER, trees, PatchError;
var init_source = __esm({
  "src/model/source/index.ts"() {
    "use strict";
    init_libesm();
    init_bases();
    init_bases();
    MARKER = join4(BASE_SPECS.find((b2) => b2.kind === "release").name, "mm", "rmap.c");
    trees = /* @__PURE__ */ new Map();
    PatchError = class extends Error {
      constructor(patch, problem) {
        super(patch === null ? problem : `${patch}: ${problem}`);
        this.patch = patch;
        this.problem = problem;
      }
      patch;
      problem;
      name = "PatchError";
    };
  }
});

// src/model/source/config.ts
var config_exports = {};
__export(config_exports, {
  MODEL_CONFIG: () => MODEL_CONFIG
});
var MODEL_CONFIG;
var init_config = __esm({
  "src/model/source/config.ts"() {
    "use strict";
    MODEL_CONFIG = [
      "CONFIG_64BIT",
      "CONFIG_MMU",
      "CONFIG_MMU_NOTIFIER",
      "CONFIG_TRANSPARENT_HUGEPAGE",
      "CONFIG_DEVICE_PRIVATE",
      "CONFIG_DEBUG_VM",
      "CONFIG_HAVE_FAST_GUP",
      "CONFIG_HAVE_GUP_FAST",
      "CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD",
      "CONFIG_PGTABLE_HAS_HUGE_LEAVES"
    ];
  }
});

// src/model/scenario/issuer.ts
function issuer(stack) {
  const i2 = stack.lastIndexOf("mmu_notifier_invalidate_range_start");
  const at2 = i2 > 0 ? i2 - 1 : stack.length - 1;
  const chain = stack.slice(Math.max(0, at2 - 2), at2 + 1).reverse();
  return chain.length ? `${chain[0]}${chain.length > 1 ? ` (from ${chain.slice(1).join(" in ")})` : ""}` : "?";
}
var init_issuer = __esm({
  "src/model/scenario/issuer.ts"() {
    "use strict";
  }
});

// src/model/scenario/exit-checks.ts
function entryName(s) {
  switch (s.op) {
    case "gpu-atomic-fault":
      return "nouveau_svm_fault_model()";
    case "nouveau-init":
      return "nouveau_svm_model_init()";
    case "dmirror-open":
      return "dmirror_model_open()";
    case "dmirror":
      return `dmirror_model_ioctl(${s.cmd})`;
    case "write":
      return "the user store (page fault)";
    case "read":
      return "the user load (page fault)";
    case "mirror-check":
      return "the mirror check";
    default:
      return `${s.op}()`;
  }
}
function holds(l, t) {
  if (l instanceof RwSem) return l.writer?.id === t.id ? 1 : l.readers.get(t.id)?.n ?? 0;
  return l.holders().some((h) => h.id === t.id) ? 1 : 0;
}
function excessRefs(k) {
  const uses = pageUses(k);
  const held = /* @__PURE__ */ new Map();
  for (const s of k.memmap.all()) {
    if (s.kind !== "anon") continue;
    const u = uses.get(s.pfn);
    held.set(s.head, (held.get(s.head) ?? 0) + (u ? u.ptes + u.exclusive + u.pmds : 0));
  }
  const out2 = /* @__PURE__ */ new Map();
  for (const s of k.memmap.all()) if (s.kind === "anon" && !s.isTail) out2.set(s.pfn, s.refcount - (held.get(s.pfn) ?? 0));
  return out2;
}
function entryState(k, t, alone2) {
  const locks = /* @__PURE__ */ new Map();
  for (const l of k.locks.all) if (l instanceof LockBase && holds(l, t)) locks.set(l, holds(l, t));
  const pages = /* @__PURE__ */ new Set();
  for (const s of k.memmap.all()) if (s.lockedBy?.id === t.id) pages.add(s.pfn);
  const ranges = /* @__PURE__ */ new Set();
  for (const [a, r] of k.openRanges) if (r.thread === t.id) ranges.add(a);
  return { locks, pages, ranges, excess: alone2 ? excessRefs(k) : null };
}
function exitHazards(k, t, before, entry, alone2) {
  const out2 = [];
  for (const l of k.locks.all) {
    if (!(l instanceof LockBase)) continue;
    const n = holds(l, t);
    if (n <= (before.locks.get(l) ?? 0)) continue;
    const fn = l.takenIn.get(t.id) ?? l.lastFn ?? "(unknown)";
    const mode = l instanceof RwSem ? l.writer?.id === t.id ? " (write)" : " (read)" : "";
    out2.push({ kind: "lock-held-at-exit", function: fn, detail: `${l.name}${mode}, taken in ${fn}(), is still held by ${t.name} when ${entry} returns` });
  }
  for (const s of k.memmap.all()) {
    if (s.lockedBy?.id !== t.id || before.pages.has(s.pfn)) continue;
    const fn = s.lockedIn || "(unknown)";
    out2.push({ kind: "lock-held-at-exit", function: fn, detail: `page lock of pfn ${hex(BigInt(s.pfn))}, taken in ${fn}(), is still held by ${t.name} when ${entry} returns` });
  }
  for (const [a, r] of k.openRanges) {
    if (r.thread !== t.id || before.ranges.has(a)) continue;
    const fn = issuer(r.stack).split(" ")[0];
    out2.push({ kind: "range-not-ended", function: fn, detail: `the ${r.what} started by ${issuer(r.stack)} is not ended when ${entry} returns (mmu_notifier_invalidate_range_end() never called)` });
  }
  if (alone2 && before.excess) {
    for (const [pfn, n] of excessRefs(k)) {
      const d = n - (before.excess.get(pfn) ?? 0);
      if (d <= 0) continue;
      const s = k.memmap.state(pfn);
      const fn = s.refIn || "(unknown)";
      out2.push({ kind: "reference-leaked", function: fn, detail: `pfn ${hex(BigInt(pfn))} keeps ${d} reference(s) more than its mappings hold when ${entry} returns (last taken in ${fn}())` });
    }
  }
  return out2;
}
var init_exit_checks = __esm({
  "src/model/scenario/exit-checks.ts"() {
    "use strict";
    init_checks();
    init_locks();
    init_object();
    init_issuer();
  }
});

// src/model/kernel/mm/mprotect.ts
function* mprotect(ctx, k, mm, start2, len, prot2) {
  return yield* k.tsFrame(ctx, "mprotect (mprotect_fixup)", mprotectBody(ctx, k, mm, start2, len, prot2));
}
function* mprotectBody(ctx, k, mm, start2, len, prot2) {
  const end = start2 + (len + 0xfffn & ~0xfffn);
  yield* acquire(ctx, mm.mmapLock, false);
  try {
    const vmas = mm.vmas.filter((v) => v.start < end && v.end > start2);
    if (vmas.length === 0) return -12;
    for (const vma of vmas) {
      if (vma.start < start2 || vma.end > end) ctx.notModelled(`mprotect of part of ${vma.name} (vma split) [${hex(start2)}, ${hex(end)})`);
      let want = 0n;
      if (prot2 & PROT_READ) want |= VM_READ;
      if (prot2 & PROT_WRITE) want |= VM_WRITE;
      if (prot2 & PROT_EXEC) want |= VM_EXEC;
      const may = (vma.flags & (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)) >> 4n;
      if ((want & ~may) !== 0n) return -13;
      vma.flags = vma.flags & ~(VM_READ | VM_WRITE | VM_EXEC) | want;
      vma.prot = vmGetPageProt(vma.flags);
      if (k.release.mprotectGathers) {
        const tlb = k.plain("mmu_gather", `mmu_gather of mprotect in ${mm.name}`, { mm: mm.self, start: 0n, end: 0n });
        const cpFlags = (vma.flags & VM_WRITE) !== 0n ? MM_CP_TRY_CHANGE_WRITABLE : 0n;
        const args3 = k.release.protectionFromVma ? [tlb.self, vma.self, vma.start, vma.end, cpFlags] : [tlb.self, vma.self, vma.start, vma.end, vma.prot, cpFlags];
        yield* ctx.call("change_protection", args3);
      } else {
        yield* ctx.call("change_protection", [vma.self, vma.start, vma.end, vma.prot, 0n]);
      }
    }
    return 0;
  } finally {
    release(ctx, mm.mmapLock, false);
  }
}
var PROT_READ, PROT_WRITE, PROT_EXEC, MM_CP_TRY_CHANGE_WRITABLE;
var init_mprotect = __esm({
  "src/model/kernel/mm/mprotect.ts"() {
    "use strict";
    init_locks();
    init_object();
    init_pgtable_types();
    PROT_READ = 1;
    PROT_WRITE = 2;
    PROT_EXEC = 4;
    MM_CP_TRY_CHANGE_WRITABLE = 1n;
  }
});

// src/model/scenario/steps.ts
function valueOf2(v, pageIndex2) {
  return v.kind === "index" ? BigInt(pageIndex2 + v.plus) : BigInt(v.value);
}
function pagesOf2(buf, offset, pages) {
  const max = Number((buf.size - offset) / 4096n);
  return pages === "all" ? max : Math.min(pages, max);
}
function called(env, what, r, expect) {
  if (expect !== void 0) {
    if (r === expect) {
      env.passed++;
      return true;
    }
    env.failed.push(`${what} returned ${r}, expected ${expect}`);
    if (env.result === null) env.result = r;
    return false;
  }
  if (r !== 0 && env.result === null) env.result = r;
  return true;
}
function assertFail(env, msg) {
  env.failed.push(msg);
  return false;
}
function* runEntry(ctx, env, s) {
  const t = ctx.thread;
  const alone2 = env.inKernel.size === 0;
  const entered = ++env.entries;
  env.inKernel.add(t.id);
  const before = entryState(env.k, t, alone2);
  const ok = yield* runStep(ctx, env, s);
  env.inKernel.delete(t.id);
  for (const h of exitHazards(env.k, t, before, entryName(s), alone2 && env.entries === entered)) env.report(h);
  return ok;
}
function* runStep(ctx, env, s) {
  const k = env.k;
  const mm = env.mm(s.process);
  switch (s.op) {
    case "mmap": {
      const { addr: addr2, mirror } = env.place(s.size);
      let flags2 = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
      if (s.prot & 1) flags2 |= VM_READ;
      if (s.prot & 2) flags2 |= VM_WRITE;
      if (s.prot & 4) flags2 |= VM_EXEC;
      yield* acquire(ctx, mm.mmapLock, false);
      mm.insertVma(new Vma(k, mm, addr2, addr2 + s.size, flags2, addr2 >> 12n, env.thp));
      release(ctx, mm.mmapLock, false);
      env.buffers.set(s.name, { name: s.name, addr: addr2, size: s.size, mirror });
      ctx.trace({ t: "note", text: `mmap ${s.name}: [${hex(addr2)}, ${hex(addr2 + s.size)}) MAP_PRIVATE|MAP_ANONYMOUS in ${mm.name}`, fn: "(scenario)" });
      return true;
    }
    case "write":
    case "read": {
      const buf = env.buffers.get(s.at);
      const first = Number(s.offset / 4096n);
      const n = pagesOf2(buf, s.offset, s.pages);
      for (let i2 = 0; i2 < n; i2++) {
        const idx = first + i2;
        const addr2 = buf.addr + BigInt(idx) * 4096n;
        if (s.op === "write") {
          const spec = s.value;
          const r = yield* cpuAccess(ctx, k, mm, addr2, true, (old) => spec === "increment" ? old + 1n : valueOf2(spec, idx));
          if (r.ret) return assertFail(env, `CPU store at ${hex(addr2)} (${s.at} page ${idx}) in ${s.process} got SIGSEGV`);
        } else {
          const r = yield* cpuAccess(ctx, k, mm, addr2, false, (v) => v);
          if (r.ret) return assertFail(env, `CPU load at ${hex(addr2)} (${s.at} page ${idx}) in ${s.process} got SIGSEGV`);
          const want = valueOf2(s.expect, idx);
          if (r.value !== want) return assertFail(env, `${s.at} page ${idx} in ${s.process} reads ${r.value}, expected ${want}`);
        }
      }
      env.passed++;
      return true;
    }
    case "nouveau-init": {
      const dev = k.plain("device", `${s.device} (drm->dev)`, { __model: 0 });
      k.named.set(`device:${s.device}`, dev);
      const r = Number(yield* ctx.call("nouveau_svm_model_init", [mm.self, dev.self]));
      return called(env, "nouveau_svmm_init", r, 0);
    }
    case "gpu-atomic-fault": {
      const buf = env.buffers.get(s.at);
      const addr2 = buf.addr + s.offset;
      const r = Number(yield* ctx.call("nouveau_svm_fault_model", [addr2]));
      ctx.trace({ t: "note", text: `GPU atomic fault at ${hex(addr2)} returned ${r}`, fn: "(scenario)" });
      return called(env, `GPU atomic fault at ${hex(addr2)}`, r, s.expect);
    }
    case "dmirror-open": {
      const r = Number(yield* ctx.call("dmirror_model_open", [mm.self]));
      return called(env, "open(/dev/hmm_dmirror0)", r, 0);
    }
    case "dmirror": {
      const buf = env.buffers.get(s.at);
      const n = pagesOf2(buf, 0n, s.pages);
      const cmd = s.cmd === "exclusive" ? HMM_DMIRROR_EXCLUSIVE : s.cmd === "write" ? HMM_DMIRROR_WRITE : HMM_DMIRROR_CHECK_EXCLUSIVE;
      const rv = yield* ctx.call("dmirror_model_ioctl", [cmd, buf.addr, BigInt(n), buf.mirror]);
      const r = Number(BigInt.asIntN(64, BigInt(rv)));
      const name2 = `HMM_DMIRROR_${s.cmd.toUpperCase().replace("-", "_")}`;
      ctx.trace({ t: "note", text: `${name2} on ${s.at} (${n} pages) returned ${r}`, fn: "(scenario)" });
      if (!called(env, name2, r, s.expect)) return false;
      if (s.cpages !== void 0) {
        const cp = Number(yield* ctx.call("dmirror_model_cpages", []));
        const want = s.cpages === "all" ? n : s.cpages;
        if (cp !== want) return assertFail(env, `${name2}: cpages ${cp}, expected ${want}`);
        env.passed++;
      }
      return true;
    }
    case "mirror-check": {
      const buf = env.buffers.get(s.at);
      const n = pagesOf2(buf, 0n, s.pages);
      for (let i2 = 0; i2 < n; i2++) {
        const got = k.userBuffers.get(buf.mirror + BigInt(i2) * 4096n);
        const want = valueOf2(s.expect, i2);
        if (got !== want) return assertFail(env, `mirror of ${s.at} page ${i2}: ${got === void 0 ? "never written" : got}, expected ${want}`);
      }
      env.passed++;
      return true;
    }
    case "mprotect": {
      const buf = env.buffers.get(s.at);
      const r = yield* mprotect(ctx, k, mm, buf.addr, buf.size, s.prot);
      return called(env, "mprotect", r, s.expect);
    }
    case "munmap": {
      const buf = env.buffers.get(s.at);
      const r = yield* munmap(ctx, k, mm, buf.addr, buf.size);
      return called(env, "munmap", r, s.expect);
    }
    case "fork": {
      const r = yield* forkMm(ctx, k, mm, s.child);
      if (typeof r === "number") return called(env, "fork", r, s.expect);
      env.processes.set(s.child, r);
      return called(env, "fork", 0, s.expect);
    }
  }
}
var HMM_DMIRROR_WRITE, HMM_DMIRROR_EXCLUSIVE, HMM_DMIRROR_CHECK_EXCLUSIVE, MMAP_BASE, MIRROR_BASE, ScenarioEnv;
var init_steps2 = __esm({
  "src/model/scenario/steps.ts"() {
    "use strict";
    init_exit_checks();
    init_object();
    init_locks();
    init_memory2();
    init_mprotect();
    init_vma();
    init_pgtable_types();
    HMM_DMIRROR_WRITE = 1;
    HMM_DMIRROR_EXCLUSIVE = 4;
    HMM_DMIRROR_CHECK_EXCLUSIVE = 5;
    MMAP_BASE = 0x7f0000000000n;
    MIRROR_BASE = 0x5a0000000000n;
    ScenarioEnv = class {
      constructor(k, thp) {
        this.k = k;
        this.thp = thp;
        this.processes.set("main", k.newMm("main"));
      }
      k;
      thp;
      processes = /* @__PURE__ */ new Map();
      buffers = /* @__PURE__ */ new Map();
      nextAddr = MMAP_BASE;
      nextMirror = MIRROR_BASE;
      /** First failing expectation or first non-zero result of a call step (see README). */
      result = null;
      failed = [];
      passed = 0;
      /** Threads other than the first wait for the setup steps (run by the first thread). */
      setupDone = false;
      setupGate = { name: "scenario setup", holder: () => null, ready: () => this.setupDone };
      /** Threads inside a step (a kernel entry) now, and how many steps were entered so far. */
      inKernel = /* @__PURE__ */ new Set();
      entries = 0;
      /** Records a hazard found at a step's return (the runner sets it). */
      report = () => void 0;
      mm(name2) {
        return this.processes.get(name2);
      }
      place(size) {
        const addr2 = this.nextAddr;
        this.nextAddr += (size + 0x1fffffn & ~0x1fffffn) + 0x200000n;
        const mirror = this.nextMirror;
        this.nextMirror += size + 0xfffn & ~0xfffn;
        return { addr: addr2, mirror };
      }
    };
  }
});

// src/model/scenario/final.ts
function ptesOf(k, mmId) {
  const mm = k.mms.find((m) => m.id === mmId);
  const rows = [];
  for (const t of mm.pt.pmdTables()) {
    t.entries.forEach((e, i2) => {
      const v = e.v;
      if (v.k === "huge") rows.push({ addr: t.addrOf(i2), kind: `huge pmd ${v.bits.write ? "W" : "R"}${v.bits.dirty ? "D" : ""}`, pfn: v.pfn });
    });
  }
  for (const t of mm.pt.pteTables()) {
    t.entries.forEach((e, i2) => {
      const p = e;
      const v = p.v;
      if (v.k === "none") return;
      if (v.k === "present") rows.push({ addr: t.addrOf(i2), kind: `present ${v.bits.write ? "W" : "R"}${v.bits.dirty ? "D" : ""}`, pfn: v.pfn });
      else rows.push({ addr: t.addrOf(i2), kind: v.entry.type, pfn: Number(v.entry.offset) });
    });
  }
  rows.sort((a, b2) => a.addr < b2.addr ? -1 : a.addr > b2.addr ? 1 : 0);
  const out2 = [];
  for (let i2 = 0; i2 < rows.length; ) {
    let j = i2 + 1;
    while (j < rows.length && rows[j].kind === rows[i2].kind && !rows[i2].kind.startsWith("huge") && rows[j].addr === rows[j - 1].addr + 4096n && rows[j].pfn === rows[j - 1].pfn + 1) j++;
    const r = rows[i2];
    const n = j - i2;
    out2.push(n === 1 ? `${hex(r.addr)}: ${r.kind} pfn ${hex(BigInt(r.pfn))}` : `${hex(r.addr)}..${hex(rows[j - 1].addr)} (${n} ptes): ${r.kind} pfn ${hex(BigInt(r.pfn))}..${hex(BigInt(rows[j - 1].pfn))}`);
    i2 = j;
  }
  return out2;
}
function finalState(k, env, steps, uses = pageUses(k)) {
  const pages = [];
  let anon = 0;
  let thp = 0;
  for (const s of k.memmap.all()) {
    if (s.kind !== "anon" || s.isTail) continue;
    anon++;
    if (s.isHead) thp++;
    let want = 0;
    for (let i2 = 0; i2 < 1 << s.order; i2++) {
      const u = uses.get(s.pfn + i2);
      if (u) want += u.ptes + u.exclusive + u.pmds;
    }
    if (s.lockedBy || s.refcount !== want || s.isHead) {
      pages.push(
        `pfn ${hex(BigInt(s.pfn))}${s.isHead ? ` (THP head, order ${s.order})` : ""}: refcount ${s.refcount}, mapcount ${s.mapcount + 1}` + (s.isHead ? `, compound_mapcount ${s.compoundMapcount + 1}` : "") + (s.lockedBy ? `, locked by ${s.lockedBy.name}` : "") + `, last touched by ${s.lastFn || "?"}`
      );
    }
  }
  pages.unshift(`${anon} anonymous page(s) allocated (${thp} THP)`);
  const seqs = [];
  for (const mm of k.mms) {
    const subs = mm.subs;
    if (!subs) continue;
    seqs.push(`mm ${mm.id}: global seq +${subs.invalidateSeq - SEQ_BASE} (${subs.invalidating ? "invalidating" : "idle"}), ${subs.intervals.length} interval subscription(s), ${subs.classic.length} classic`);
  }
  const mirror = [];
  for (const [, x] of k.xarrays) {
    const keys = x.keys();
    if (!keys.length) continue;
    const tags = /* @__PURE__ */ new Map();
    for (const key2 of keys) {
      const v = x.load(key2);
      const tag = v && typeof v === "object" && "byteOffset" in v ? v.byteOffset & 3 : 0;
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    mirror.push(`${keys.length} entries from pfn ${hex(keys[0])} to ${hex(keys[keys.length - 1])}; by tag: ${[...tags].map(([t, n]) => `${t === 1 ? "ATOMIC" : t === 3 ? "WRITE" : "READ"} ${n}`).join(", ")}`);
  }
  return {
    processes: [...env.processes].map(([name2, mm]) => ({ name: name2, ptes: ptesOf(k, mm.id) })),
    pages,
    gpu: k.gpu.describe(),
    mirror,
    seqs,
    asserts: { passed: env.passed, failed: [...env.failed] },
    steps
  };
}
var init_final = __esm({
  "src/model/scenario/final.ts"() {
    "use strict";
    init_object();
    init_checks();
    init_mmu_notifier();
  }
});

// src/model/scenario/budget.ts
function budgetsOf(s) {
  return { steps: s.budget, depth: s.maxDepth ?? DEFAULT_SCENARIO_BUDGETS.depth, memory: s.maxMemory ?? DEFAULT_SCENARIO_BUDGETS.memory };
}
var DEFAULT_SCENARIO_BUDGETS;
var init_budget = __esm({
  "src/model/scenario/budget.ts"() {
    "use strict";
    init_machine();
    DEFAULT_SCENARIO_BUDGETS = {
      steps: 2e7,
      depth: DEFAULT_BUDGETS.callDepth,
      memory: DEFAULT_BUDGETS.memoryBytes
    };
  }
});

// src/model/kernel/faults.ts
function walkNotStarted(ctx, args3) {
  const w = structAt(args3[0], ctx, "pvmw");
  return w.get("pte", ctx) === null && w.get("ptl", ctx) === null;
}
function failureSites(kernel) {
  const k = kernelOrdinal(kernel);
  const out2 = /* @__PURE__ */ new Map();
  for (const s of FAILURE_SITES) {
    if (s.from !== void 0 && k < kernelOrdinal(s.from)) continue;
    if (s.until !== void 0 && k >= kernelOrdinal(s.until)) continue;
    out2.set(s.fn, s);
  }
  return out2;
}
var errno, EFAULT, ENOMEM, EBUSY, VM_FAULT_OOM2, more, FAILURE_SITES;
var init_faults = __esm({
  "src/model/kernel/faults.ts"() {
    "use strict";
    init_bases();
    init_object();
    errno = (id, value, name2) => ({ id, how: { kind: "return", value }, says: `fails with ${name2}` });
    EFAULT = -14;
    ENOMEM = -12;
    EBUSY = -16;
    VM_FAULT_OOM2 = 1;
    more = (arg) => (_ctx, args3) => BigInt(args3[arg]) > 1n;
    FAILURE_SITES = [
      {
        fn: "get_user_pages_remote",
        why: "GUP fails with -EFAULT when no VMA (or one without the access) covers the first address, returns 0 when no page could be faulted in without waiting, and returns fewer pages than asked when a later page fails",
        modes: [
          errno("efault", EFAULT, "-EFAULT"),
          { id: "zero", how: { kind: "return", value: 0 }, says: "returns 0 (no page pinned)" },
          { id: "fewer", how: { kind: "request", arg: 2, to: "one-less" }, says: "pins one page less than asked", when: more(2) }
        ]
      },
      {
        fn: "handle_mm_fault",
        why: "a fault that cannot allocate the page or a page table returns VM_FAULT_OOM",
        modes: [{ id: "oom", how: { kind: "return", value: VM_FAULT_OOM2 }, says: "returns VM_FAULT_OOM (an allocation failed)" }]
      },
      {
        fn: "hmm_range_fault",
        why: "hmm_range_fault() fails with -EFAULT on a hole or a protection it may not fault, and with -EBUSY when the range was invalidated while it walked",
        modes: [errno("efault", EFAULT, "-EFAULT"), errno("ebusy", EBUSY, "-EBUSY (the range was invalidated)")]
      },
      {
        fn: "trylock_page",
        why: "another thread holds the page lock",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the page locked" }]
      },
      {
        fn: "folio_trylock",
        from: "5.16",
        why: "another thread holds the folio lock",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the folio locked" }]
      },
      {
        fn: "mutex_trylock",
        why: "another thread holds the mutex",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the mutex held" }]
      },
      {
        fn: "down_read_trylock",
        why: "a writer holds or waits for the rwsem",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the rwsem write-held" }]
      },
      {
        fn: "mmu_interval_read_retry",
        why: "an invalidation of the range ran since mmu_interval_read_begin()",
        modes: [{ id: "true", how: { kind: "return", value: true }, says: "reports an invalidation (retry)" }]
      },
      {
        fn: "mmu_interval_check_retry",
        why: "an invalidation of the range ran since mmu_interval_read_begin()",
        modes: [{ id: "true", how: { kind: "return", value: true }, says: "reports an invalidation (retry)" }]
      },
      {
        fn: "mmu_interval_notifier_insert",
        why: "allocating the mm's notifier subscriptions fails",
        modes: [errno("enomem", ENOMEM, "-ENOMEM")]
      },
      {
        fn: "mmget_not_zero",
        why: "the mm is exiting (its users count reached zero)",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the mm exiting" }]
      },
      {
        fn: "page_vma_mapped_walk",
        why: "the page is no longer mapped at the address (a racing unmap or migration)",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the page not mapped there", when: walkNotStarted }]
      },
      {
        fn: "pte_offset_map_lock",
        from: "6.5",
        why: "from 6.5 the pmd can change under the walk (a racing collapse or split) and the pte table is not there any more",
        modes: [{ id: "null", how: { kind: "return", value: null }, says: "finds no pte table (returns NULL)" }]
      },
      {
        fn: "folio_try_get",
        from: "5.16",
        why: "the folio was freed meanwhile (its refcount reached zero)",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the folio freed" }]
      },
      {
        fn: "get_page_unless_zero",
        why: "the page was freed meanwhile (its refcount reached zero)",
        modes: [{ id: "false", how: { kind: "return", value: false }, says: "finds the page freed" }]
      },
      {
        fn: "nvif_object_ioctl",
        why: "the GPU page-table update cannot allocate",
        modes: [errno("enomem", ENOMEM, "-ENOMEM")]
      },
      {
        fn: "vmalloc",
        why: "the allocation fails",
        modes: [{ id: "null", how: { kind: "return", value: null }, says: "fails (returns NULL)" }]
      },
      {
        fn: "copy_to_user",
        why: "the user buffer is not mapped or not writable",
        modes: [{ id: "fault", how: { kind: "return-arg", arg: 2 }, says: "copies nothing (the user buffer faults)" }]
      },
      {
        fn: "copy_from_user",
        why: "the user buffer is not mapped or not readable",
        modes: [{ id: "fault", how: { kind: "return-arg", arg: 2 }, says: "copies nothing (the user buffer faults)" }]
      }
    ];
  }
});

// src/model/scenario/fault-plan.ts
function parsePointId(id) {
  const m = ID.exec(id);
  if (!m) return null;
  return { thread: m[1] ?? "main", stack: m[2] ? m[2].slice(0, -1).split("/") : [], fn: m[3], call: Number(m[4]), mode: m[5] };
}
function siteKey(thread, stack, fn) {
  return `${thread === "main" ? "" : `${thread}:`}${[...stack, fn].join("/")}`;
}
function pointId(thread, stack, fn, call, mode) {
  return `${siteKey(thread, stack, fn)}#${call}=${mode}`;
}
var ID, FaultPlan;
var init_fault_plan = __esm({
  "src/model/scenario/fault-plan.ts"() {
    "use strict";
    init_faults();
    ID = /^(?:([a-z0-9][a-z0-9_-]*):)?((?:[A-Za-z_][A-Za-z0-9_]*\/)*)([A-Za-z_][A-Za-z0-9_]*)#([1-9]\d*)=([a-z]+)$/;
    FaultPlan = class {
      /** `fail`: the point to fail; null records the points the run reaches. */
      constructor(kernel, fail) {
        this.fail = fail;
        this.sites = failureSites(kernel);
        this.target = fail === null ? null : parsePointId(fail);
        const names = this.target ? new Set(this.sites.has(this.target.fn) ? [this.target.fn] : []) : new Set(this.sites.keys());
        this.intercept = { names, call: (ctx, fn, kind, args3) => this.offer(ctx, fn, kind, args3) };
      }
      fail;
      intercept;
      sites;
      seen = /* @__PURE__ */ new Map();
      target;
      counts = /* @__PURE__ */ new Map();
      /** Inject mode: the point once it failed. */
      firedAt = null;
      offer(ctx, fn, kind, args3) {
        const site = this.sites.get(fn);
        const full = ctx.stack();
        const stack = kind === "model" ? full.slice(0, -1) : full;
        const thread = ctx.thread.name;
        const key2 = siteKey(thread, stack, fn);
        const n = (this.counts.get(key2) ?? 0) + 1;
        this.counts.set(key2, n);
        const modes = site.modes.filter((m) => !m.when || m.when(ctx, args3));
        if (!this.target) {
          let s = this.seen.get(key2);
          if (!s) this.seen.set(key2, s = { thread, stack, fn, first: modes, last: modes, calls: 0, order: this.seen.size });
          s.calls = n;
          s.last = modes;
          return null;
        }
        const t = this.target;
        if (this.firedAt || t.call !== n || t.thread !== thread || t.fn !== fn || t.stack.join("/") !== stack.join("/")) return null;
        const mode = modes.find((m) => m.id === t.mode);
        if (!mode) return null;
        this.firedAt = { id: this.fail, thread, stack, fn, call: n, calls: n, mode: mode.id, says: mode.says };
        const how = mode.how;
        switch (how.kind) {
          case "return":
            return { value: how.value === true ? 1 : how.value === false ? 0 : how.value };
          case "return-arg":
            return { value: args3[how.arg] };
          case "request": {
            const v = args3[how.arg];
            args3[how.arg] = how.to === "zero" ? 0 : typeof v === "bigint" ? v - 1n : v - 1;
            return null;
          }
        }
      }
      /**
       * Record mode: the points reached, in the order their sites were first called -- per site and
       * mode its first call and, when it was called more than once, its last.
       */
      points() {
        const out2 = [];
        for (const s of [...this.seen.values()].sort((a, b2) => a.order - b2.order)) {
          const add = (call, modes) => {
            for (const m of modes) out2.push({ id: pointId(s.thread, s.stack, s.fn, call, m.id), thread: s.thread, stack: s.stack, fn: s.fn, call, calls: s.calls, mode: m.id, says: m.says });
          };
          add(1, s.first);
          if (s.calls > 1) add(s.calls, s.last);
        }
        return out2;
      }
      /** Inject mode: whether the point failed. */
      injected() {
        return { id: this.fail ?? "", fired: this.firedAt !== null, point: this.firedAt };
      }
    };
  }
});

// src/model/scenario/run.ts
var run_exports = {};
__export(run_exports, {
  compileBase: () => compileBase,
  compileSources: () => compileSources,
  modelProgram: () => modelProgram,
  runScenario: () => runScenario,
  runThreads: () => runThreads
});
import { createHash as createHash3 } from "node:crypto";
function opaqueZero(name2) {
  switch (name2) {
    case "pte_t":
      return Pte.NONE;
    case "pmd_t":
      return Pmd.NONE;
    case "pud_t":
      return new UpperEntry("pud_t", false, 0);
    case "pgd_t":
    case "p4d_t":
      return new UpperEntry("pgd_t", false, 0);
    case "swp_entry_t":
      return new SwpEntry("swap", 0n);
    default:
      return new PgProt(false, false, false);
  }
}
async function compileBase(name2, extraPatches = []) {
  await loadCParser();
  const { base, sources } = loadBase(name2, extraPatches);
  return compileSources(base, sources, extraPatches.map((p) => p.name));
}
function compileSources(base, sources, patches = [], opts = {}) {
  const kernel = base.spec.kernel;
  const program = opts.reuse && opts.codegen !== false ? modelProgram(kernel, sources) : compileModel(kernel, sources, opts.codegen);
  return { base, patches, sources, program, diagnostics: program.diagnostics, config: MODEL_CONFIG };
}
function compileModel(kernel, sources, codegen) {
  return compileProgramSync({ sources, builtins: kernelBuiltins(kernel), opaqueTypes: OPAQUE_TYPES, opaqueZero, config: MODEL_CONFIG, codegen });
}
function scheduleProgram(compiled) {
  let p = schedulePrograms.get(compiled.program);
  if (!p) {
    const table = { ...kernelBuiltins(compiled.base.spec.kernel) };
    for (const name2 of Object.keys(BUILTIN_POINTS)) if (table[name2]) table[name2] = { ...table[name2], blocking: true };
    p = compileProgramSync({ sources: compiled.sources, builtins: table, opaqueTypes: OPAQUE_TYPES, opaqueZero, config: MODEL_CONFIG });
    schedulePrograms.set(compiled.program, p);
  }
  return p;
}
function paramCounts(program) {
  let m = paramCache.get(program);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const f of program.functions) {
      const inner = f.signature.slice(f.signature.indexOf("(") + 1, f.signature.lastIndexOf(")")).trim();
      let n = inner === "" || inner === "void" ? 0 : 1;
      let depth = 0;
      for (const ch of inner) {
        if (ch === "(") depth++;
        else if (ch === ")") depth--;
        else if (ch === "," && depth === 0) n++;
      }
      m.set(f.name, n);
    }
    paramCache.set(program, m);
  }
  return m;
}
function modelProgram(kernel, sources) {
  const h = createHash3("sha1").update(kernel).update("\0");
  for (const s of sources) h.update(s.path).update("\0").update(s.text).update("\0");
  const key2 = h.digest("hex");
  let program = programs.get(key2);
  if (program) {
    programs.delete(key2);
  } else {
    program = compileModel(kernel, sources);
    if (programs.size >= PROGRAMS_KEPT) programs.delete(programs.keys().next().value);
  }
  programs.set(key2, program);
  return program;
}
function runThreads(compiled, cfg, threads) {
  const mem = new DefaultAddressSpace();
  const k = new Kernel(mem, { thp: cfg.thp, kernel: compiled.base.spec.kernel, modelParams: paramCounts(compiled.program) });
  k.traceCalls = (cfg.trace ?? "full") === "full";
  const env = new ScenarioEnv(k, cfg.thp);
  let retries = 0;
  let droppedCalls = 0;
  const passes = /* @__PURE__ */ new Map();
  let liveCtx = null;
  const subSeqs = () => {
    const out2 = [];
    if (!liveCtx) return out2;
    for (const mm of k.mms) for (const s of mm.subs?.intervals ?? []) out2.push(structAt(s.ptr, liveCtx, "sub").get("invalidate_seq", liveCtx));
    return out2;
  };
  const detector = new LivelockDetector(k, subSeqs);
  let threadsAlive = threads.length;
  let head2 = null;
  const visit = {
    site: "",
    get function() {
      return head2.locals.function;
    },
    thread: "",
    frame: visitKey,
    locals: () => head2.locals.entries(),
    values: () => head2.locals.values(),
    alone: false
  };
  const program = cfg.schedule ? scheduleProgram(compiled) : compiled.program;
  const machine = program.machine({
    mem,
    ...cfg.faults ? { intercept: cfg.faults.intercept } : {},
    ...cfg.schedule ? { preempt: cfg.schedule.hook, scheduler: cfg.schedule.scheduler } : {},
    budgets: {
      steps: cfg.budget,
      callDepth: cfg.maxDepth ?? DEFAULT_SCENARIO_BUDGETS.depth,
      memoryBytes: cfg.maxMemory ?? DEFAULT_SCENARIO_BUDGETS.memory
    },
    traceCalls: (cfg.trace ?? "full") === "full",
    // onReturn below only looks at model functions named in RETRY_FNS (the livelock detector
    // works from loop heads): hooking nothing else keeps builtin calls on their fast path.
    callHookScope: { builtins: false, names: [...RETRY_FNS, ...cfg.watch ?? []] },
    hooks: {
      ...cfg.reached ? { onCall: (_ctx, fn) => void cfg.reached.add(fn) } : {},
      onTrace(ev) {
        const tr = machine.trace;
        if (cfg.traceLimit !== void 0 && tr.length > cfg.traceLimit && (ev.t === "call" || ev.t === "return")) {
          tr.pop();
          droppedCalls++;
        } else if (tr.length > MAX_TRACE_EVENTS) {
          machine.overBudget("memory", `more than ${MAX_TRACE_EVENTS} trace events (lock, notifier, fault and other events of the run)`);
        }
      },
      onReturn(ctx, fn, kind, value) {
        if (kind !== "model" || !RETRY_FNS.has(fn) || !value) return;
        retries++;
        const st = ctx.stack();
        const caller = st.length >= 1 ? st[st.length - 1] : "(scenario)";
        const pass = (passes.get(ctx.thread.name) ?? 1) + 1;
        passes.set(ctx.thread.name, pass);
        const last = [...k.notifiers].reverse().find((n) => n.subscribers.some((s) => s.action === "seq-bumped"));
        const why = last ? `${last.event} from ${issuer(last.stack)} (owner ${last.owner ?? "NULL"}) over [${last.start}, ${last.end}) bumped ${last.subscribers.filter((s) => s.action === "seq-bumped").map((s) => s.name).join(", ")}` : "sequence changed";
        ctx.trace({ t: "retry", fn: caller, pass, thread: ctx.thread.name, why });
      },
      onLoopHead: cfg.livelock === false ? void 0 : (ctx, h) => {
        liveCtx = ctx;
        head2 = h;
        visit.site = h.id;
        visit.thread = h.thread;
        visit.frame = frameKey(ctx);
        visit.alone = threadsAlive <= 1;
        const r = detector.visit(visit);
        head2 = null;
        if (r === "livelock") {
          ctx.endRun("livelock", livelockText(detector, false));
        }
      }
    }
  });
  if (cfg.schedule) {
    cfg.schedule.stop = (detail) => machine.ctx.endRun("pruned", detail);
    if ((cfg.trace ?? "full") !== "none") cfg.schedule.onSwitch = (point, thread, op) => machine.pushTrace({ t: "note", text: `schedule point ${point}: ${thread} runs (${op.what})`, fn: "(schedule)" });
  }
  env.report = (h) => {
    machine.hazards.push(h);
    machine.pushTrace({ t: "hazard", index: machine.hazards.length - 1 });
  };
  const specs = threads.map((th) => ({
    name: th.name,
    entry: function* (ctx) {
      liveCtx = ctx;
      try {
        return yield* th.body(ctx, env, k);
      } finally {
        threadsAlive--;
      }
    }
  }));
  if ((cfg.trace ?? "full") === "none") quietLocks.add(machine.mem);
  const res = machine.run(specs);
  if (k.traceCalls) mergeTsDepths(machine.trace);
  return { res, k, env, retries, detector, trace: machine.trace, droppedCalls };
}
function runScenario(compiled, scenario, opts = {}) {
  const traceMode = opts.trace ?? "full";
  const traceLimit = opts.traceLimit ?? 2e5;
  let seen = null;
  const setupDone = () => seen?.setupDone === true;
  const threads = scenario.threads.map((th, ti) => ({
    name: th.name,
    body: function* (ctx, env) {
      seen = env;
      if (ti === 0) {
        for (const s of scenario.setup) if (!(yield* runEntry(ctx, env, s))) return void 0;
        env.setupDone = true;
      } else {
        while (!env.setupDone) yield { blockedOn: env.setupGate };
      }
      for (const s of th.steps) if (!(yield* runEntry(ctx, env, s))) return void 0;
      return void 0;
    }
  }));
  const b2 = budgetsOf(scenario);
  const faults = opts.faults ? new FaultPlan(compiled.base.spec.kernel, "fail" in opts.faults ? opts.faults.fail : null) : void 0;
  const gate = (t) => t === scenario.threads[0]?.name || setupDone();
  const schedule = opts.schedule ? new ScheduleControl(opts.schedule, new Set(Object.keys(BUILTIN_POINTS)), gate) : void 0;
  const reached = opts.watch ? /* @__PURE__ */ new Set() : void 0;
  const raw = runThreads(compiled, { thp: scenario.thp, budget: opts.budget ?? b2.steps, maxDepth: b2.depth, maxMemory: b2.memory, trace: traceMode, traceLimit, livelock: opts.livelock !== false, faults, schedule, watch: opts.watch, reached }, threads);
  const out2 = buildOutcome(compiled, scenario, raw.k, raw.env, raw.res, raw.detector, raw.retries, raw.trace, traceMode, traceLimit, raw.droppedCalls);
  if (faults || schedule || reached) {
    const explore = {};
    if (reached) explore.reached = [...reached].filter((f) => opts.watch.includes(f)).sort();
    if (faults && opts.faults && "record" in opts.faults) explore.failurePoints = faults.points();
    else if (faults) explore.fault = faults.injected();
    if (schedule) explore.schedule = schedule.log();
    out2.explore = explore;
  }
  return out2;
}
function frameKey(ctx) {
  const frames = ctx.frames;
  return frames && frames.length ? frames[frames.length - 1] : ctx;
}
function livelockText(d, timedOut) {
  const p = d.proof;
  return `${p.function}() at ${p.site} (thread ${p.thread}) came back to the same state every ${p.period} iteration(s) of its loop: only notifier sequence numbers advanced` + (timedOut ? "; the model clock was moved past the timeout and the loop gave up through its own timeout branch" : "; moving the clock past any timeout did not end it");
}
function buildOutcome(compiled, scenario, k, env, res, detector, retries, rawTrace, traceMode, traceLimit, droppedCalls = 0) {
  let verdict = res.verdict;
  let detail = res.detail;
  const hazards = [...res.hazards];
  let trace = [];
  if (traceMode === "full" && droppedCalls === 0 && rawTrace.length <= traceLimit) trace = rawTrace;
  else if (traceMode !== "none") {
    let dropped = 0;
    for (const ev of rawTrace) {
      const isCall = ev.t === "call" || ev.t === "return";
      if (isCall && (traceMode === "events" || trace.length >= traceLimit)) {
        if (traceMode === "full") dropped++;
        continue;
      }
      trace.push(ev);
    }
    if (traceMode === "full") dropped += droppedCalls;
    if (dropped) trace.push({ t: "note", text: `${dropped} call/return events beyond the first ${traceLimit} trace events were not recorded`, fn: "(runner)" });
  }
  if (verdict === "completed" && detector.proof) {
    verdict = "livelock";
    detail = livelockText(detector, true);
  }
  const stack = res.stack?.map((s) => `${s.function} (${s.file}:${s.line})`).join(" <- ");
  if (verdict === "budget") detail = `${res.budget ?? "steps"} budget: ${detail}`;
  if (verdict === "deadlock" || verdict === "bug" || verdict === "error" || verdict === "budget") {
    const names = res.stack?.map((s) => s.function) ?? [];
    if (stack) detail += ` [stack: ${(verdict === "budget" ? foldRepeats(names) : names).join(" > ")} at ${res.stack[res.stack.length - 1].file}:${res.stack[res.stack.length - 1].line}]`;
  }
  const uses = pageUses(k);
  if (verdict === "completed" || verdict === "livelock") {
    const checks = endOfRunChecks(k, uses);
    for (const h of checks) {
      hazards.push(h);
      trace.push({ t: "hazard", index: hazards.length - 1 });
    }
    const asserts = env.failed.length ? `; assert failed: ${env.failed.join("; ")}` : "";
    if (verdict === "completed") detail = `${env.passed} assert(s) passed${asserts}`;
    else detail += asserts;
  }
  return {
    scenario: scenario.name,
    base: compiled.base.name + (compiled.patches.length ? ` + ${compiled.patches.join(" + ")}` : ""),
    verdict,
    ...verdict === "budget" ? { budget: res.budget ?? "steps" } : {},
    // A scenario call that never returned (deadlock, budget, bug, livelock without a timeout)
    // gave no result: null, unless an earlier call already gave one.
    result: env.result ?? (res.verdict === "completed" ? 0 : null),
    retries,
    detail,
    notifiers: k.notifiers,
    hazards: hazards.map(cleanHazard),
    final: finalState(k, env, res.steps, uses),
    trace
  };
}
function foldRepeats(names) {
  const out2 = [];
  for (let i2 = 0; i2 < names.length; ) {
    let j = i2;
    while (j < names.length && names[j] === names[i2]) j++;
    out2.push(j - i2 > 1 ? `${names[i2]} ×${j - i2}` : names[i2]);
    i2 = j;
  }
  return out2;
}
function cleanHazard(h) {
  const out2 = { kind: h.kind, function: h.function, detail: h.detail };
  if (h.stack) out2.stack = h.stack;
  if (h.loc) out2.loc = h.loc;
  return out2;
}
var schedulePrograms, PROGRAMS_KEPT, programs, paramCache, RETRY_FNS, MAX_TRACE_EVENTS, visitKey;
var init_run = __esm({
  "src/model/scenario/run.ts"() {
    "use strict";
    init_interp();
    init_builtins();
    init_state();
    init_checks();
    init_locks();
    init_livelock();
    init_object();
    init_ts_frames();
    init_pgtable_types();
    init_source();
    init_config();
    init_steps2();
    init_final();
    init_issuer();
    init_budget();
    init_fault_plan();
    init_schedule();
    init_interleave();
    schedulePrograms = /* @__PURE__ */ new WeakMap();
    PROGRAMS_KEPT = 4;
    programs = /* @__PURE__ */ new Map();
    paramCache = /* @__PURE__ */ new WeakMap();
    RETRY_FNS = /* @__PURE__ */ new Set(["mmu_interval_read_retry", "mmu_interval_check_retry"]);
    MAX_TRACE_EVENTS = 2e6;
    visitKey = {};
  }
});

// src/map/compile-facts-cache.ts
var compile_facts_cache_exports = {};
__export(compile_facts_cache_exports, {
  compileFactsFileName: () => compileFactsFileName,
  precomputedCompileFacts: () => precomputedCompileFacts,
  precomputedCompileFactsDir: () => precomputedCompileFactsDir,
  usePrecomputedCompileFacts: () => usePrecomputedCompileFacts,
  writeCompileFacts: () => writeCompileFacts
});
import { createHash as createHash4 } from "node:crypto";
import { mkdirSync as mkdirSync2, readFileSync as readFileSync4, renameSync as renameSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname3, extname, join as join5 } from "node:path";
import { fileURLToPath as fileURLToPath5 } from "node:url";
function usePrecomputedCompileFacts(dir2) {
  reading = dir2;
}
function precomputedCompileFactsDir() {
  return fileURLToPath5(new URL("../compile-facts/", import.meta.url));
}
function mapCode() {
  if (ownCode !== void 0) return ownCode;
  try {
    const h = createHash4("sha256");
    const self2 = fileURLToPath5(import.meta.url);
    for (const f of [self2, join5(dirname3(self2), `compile-check${extname(self2)}`)]) h.update(readFileSync4(f)).update("\0");
    ownCode = h.digest("hex");
  } catch {
    ownCode = null;
  }
  return ownCode;
}
function compileFactsFileName(kernel, sourcesDigest2) {
  const model = modelCodeDigest();
  const map = mapCode();
  if (!model || !map) return null;
  return `${createHash4("sha256").update(model).update("\0").update(map).update("\0").update(kernel).update("\0").update(sourcesDigest2).digest("hex")}.json`;
}
function precomputedCompileFacts(kernel, sourcesDigest2) {
  const dir2 = reading;
  const name2 = dir2 && compileFactsFileName(kernel, sourcesDigest2);
  if (!dir2 || !name2) return null;
  try {
    return JSON.parse(readFileSync4(join5(dir2, name2), "utf8"));
  } catch {
    return null;
  }
}
function writeCompileFacts(dir2, kernel, sourcesDigest2, facts) {
  const name2 = compileFactsFileName(kernel, sourcesDigest2);
  if (!name2) return;
  mkdirSync2(dir2, { recursive: true });
  const tmp = join5(dir2, `${name2}.${process.pid}.tmp`);
  writeFileSync2(tmp, JSON.stringify(facts));
  renameSync2(tmp, join5(dir2, name2));
}
var reading, ownCode;
var init_compile_facts_cache = __esm({
  "src/map/compile-facts-cache.ts"() {
    "use strict";
    init_code_digest();
    reading = null;
  }
});

// src/map/compile-check.ts
var compile_check_exports = {};
__export(compile_check_exports, {
  compileFacts: () => compileFacts,
  factsOfCompile: () => factsOfCompile,
  newErrors: () => newErrors,
  newUnresolved: () => newUnresolved,
  sourcesDigest: () => sourcesDigest
});
import { createHash as createHash5 } from "node:crypto";
function sourcesDigest(sources) {
  const h = createHash5("sha1");
  for (const s of sources) h.update(s.path).update("\0").update(s.text).update("\0");
  return h.digest("hex");
}
function compileFacts(kernel, sources) {
  const digest2 = sourcesDigest(sources);
  const key2 = `${kernel}\0${digest2}`;
  const hit = cache.get(key2);
  if (hit) return hit;
  const facts = precomputedCompileFacts(kernel, digest2) ?? factsOfCompile(kernel, sources);
  cache.set(key2, facts);
  if (cache.size > CACHE_LIMIT2) cache.delete(cache.keys().next().value);
  return facts;
}
function factsOfCompile(kernel, sources) {
  const program = modelProgram(kernel, sources);
  return { unresolved: program.unresolvedCalls, errors: program.errors };
}
function newUnresolved(base, variant) {
  return beyond2(base.unresolved, variant.unresolved, (u) => `${u.name}\0${u.function}`);
}
function newErrors(base, variant) {
  return beyond2(base.errors, variant.errors, (d) => `${d.file}\0${d.function ?? ""}\0${d.message.replace(/:\d+/g, "")}`);
}
function beyond2(base, variant, key2) {
  const count = /* @__PURE__ */ new Map();
  for (const b2 of base) count.set(key2(b2), (count.get(key2(b2)) ?? 0) + 1);
  const out2 = [];
  for (const v of variant) {
    const k = key2(v);
    const c = count.get(k) ?? 0;
    if (c > 0) count.set(k, c - 1);
    else out2.push(v);
  }
  return out2;
}
var CACHE_LIMIT2, cache;
var init_compile_check = __esm({
  "src/map/compile-check.ts"() {
    "use strict";
    init_run();
    init_compile_facts_cache();
    CACHE_LIMIT2 = 32;
    cache = /* @__PURE__ */ new Map();
  }
});

// src/replay/worker-pool.ts
async function claimLoop(input2, run2, put) {
  for (; ; ) {
    const index = Atomics.add(input2.next, 0, 1);
    if (index >= input2.tasks.length) return;
    put(index, await run2(input2.tasks[index]));
  }
}
var init_worker_pool = __esm({
  "src/replay/worker-pool.ts"() {
    "use strict";
    init_baseline_cache();
    init_compiler_support();
    init_source();
  }
});

// src/replay/run-worker.ts
init_baseline_cache();
import { parentPort, workerData } from "node:worker_threads";

// src/replay/replay-scenario.ts
init_compare();

// src/replay/interactions.ts
init_source_outline();
init_trace_read();
function actorOf(fn, actors) {
  if (!fn || fn === "(scenario)" || fn.startsWith("user ")) return "scenario";
  const a = actors.get(fn);
  if (a) return a;
  return /^_*mmu_(notifier|interval)_/.test(fn) ? "notifier" : "mm";
}
function interactionsOf(o, actors) {
  const out2 = [];
  const stacks = /* @__PURE__ */ new Map();
  const skip = /* @__PURE__ */ new Map();
  const subscriberCalls = /* @__PURE__ */ new Set();
  const t = o.trace;
  let thread = "main";
  for (const e of t) {
    if ("thread" in e) thread = e.thread;
    const st = stacks.get(thread) ?? [];
    stacks.set(thread, st);
    switch (e.t) {
      case "call": {
        st.length = e.depth - 1;
        const hidden = skip.get(thread);
        if (hidden !== void 0 && e.depth > hidden) {
          st.push(e.fn);
          break;
        }
        skip.delete(thread);
        const from = actorOf(st[st.length - 1] ?? "(scenario)", actors);
        const to = actorOf(e.fn, actors);
        st.push(e.fn);
        if (/^_*mmu_notifier_/.test(e.fn) || subscriberCalls.has(e.fn)) {
          skip.set(thread, e.depth);
          break;
        }
        if (from !== to) out2.push({ t: "msg", from, to, what: { kind: "call", fn: e.fn } });
        break;
      }
      case "return":
        st.length = Math.max(0, e.depth - 1);
        if (skip.get(thread) === e.depth) skip.delete(thread);
        break;
      case "notifier": {
        const n = o.notifiers[e.index];
        if (!n) break;
        let issuer2 = n.stack.length - 1;
        while (issuer2 > 0 && /^_*mmu_notifier_/.test(n.stack[issuer2])) issuer2--;
        out2.push({
          t: "msg",
          from: actorOf(n.stack[issuer2], actors),
          to: "notifier",
          what: { kind: "notifier", event: n.event, owner: n.owner, start: n.start, end: n.end, issuer: n.stack[issuer2] ?? null }
        });
        for (const s of n.subscribers) {
          subscriberCalls.add(s.name);
          out2.push({ t: "msg", from: "notifier", to: actorOf(s.name, actors), what: { kind: "subscriber", name: s.name, action: s.action } });
        }
        break;
      }
      case "retry":
        out2.push({ t: "note", over: actorOf(e.fn, actors), what: { kind: "retry", fn: e.fn, pass: e.pass } });
        break;
      case "fault":
        if (e.fn === "(scenario)") {
          const last = out2[out2.length - 1];
          const what = { kind: "user-fault", access: e.kind, addr: e.addr, call: null };
          if (last?.t === "msg" && last.from === "scenario" && last.what.kind === "call" && last.what.fn === "handle_mm_fault") last.what = { ...what, call: last.what.fn };
          else out2.push({ t: "msg", from: "scenario", to: "mm", what });
        } else out2.push({ t: "note", over: actorOf(e.fn, actors), what: { kind: "fault", fn: e.fn, access: e.kind, addr: e.addr } });
        break;
      case "lock":
        if (e.op === "block") out2.push({ t: "note", over: actorOf(e.fn, actors), what: { kind: "block", fn: e.fn, lock: e.lock } });
        break;
      case "hazard": {
        const h = o.hazards[e.index];
        if (h) out2.push({ t: "note", over: actorOf(h.function, actors), what: { kind: "hazard", hazard: h.kind, function: h.function } });
        break;
      }
      case "note":
        if (e.fn === "(scenario)") out2.push({ t: "note", over: "scenario", what: { kind: "step", text: e.text } });
        break;
    }
  }
  out2.push({ t: "note", over: "scenario", what: { kind: "end", ...runEnd(o, false) } });
  return out2;
}
var CONTEXT = 2;
var MAX_ITEMS = 40;
function sequencePair(label, scenario, baseline, variant, actors) {
  const b2 = interactionsOf(baseline, actors);
  const v = interactionsOf(variant, actors);
  const rb = addressRenamer();
  const rv = addressRenamer();
  const kb = b2.map((x) => rb(key(x)));
  const kv = v.map((x) => rv(key(x)));
  let p = 0;
  while (p < kb.length && p < kv.length && kb[p] === kv[p]) p++;
  let s = 0;
  while (s < kb.length - p && s < kv.length - p && kb[kb.length - 1 - s] === kv[kv.length - 1 - s]) s++;
  const from = Math.max(0, p - CONTEXT);
  const cut = (list2) => {
    const end = Math.min(list2.length, list2.length - s + CONTEXT);
    const kept = fold(list2.slice(from, end));
    const out2 = [];
    if (from > 0) out2.push({ t: "note", over: "scenario", what: { kind: "same-steps", steps: from } });
    out2.push(...kept.slice(0, MAX_ITEMS));
    if (kept.length > MAX_ITEMS) out2.push({ t: "note", over: "scenario", what: { kind: "more-steps", steps: kept.length - MAX_ITEMS } });
    if (end < list2.length) out2.push({ t: "note", over: "scenario", what: { kind: "same-steps", steps: list2.length - end } });
    return out2;
  };
  return { label, scenario, baseline: cut(b2), variant: cut(v) };
}
function key(x) {
  return x.t === "msg" ? `${x.from}>${x.to}:${JSON.stringify(x.what)}` : x.t === "note" ? `note ${x.over}:${JSON.stringify(x.what)}` : `loop ${x.times}`;
}
function shape(x) {
  return key(x).replace(/0x[0-9a-f]+/gi, "X");
}
function fold(items) {
  const sh = items.map(shape);
  const out2 = [];
  for (let i2 = 0; i2 < items.length; ) {
    let best = { p: 0, k: 1 };
    for (let p = 1; p <= 8 && i2 + 2 * p <= items.length; p++) {
      let k = 1;
      while (i2 + (k + 1) * p <= items.length && sameBlock(sh, i2, i2 + k * p, p)) k++;
      if (k > 1 && k * p > best.k * best.p) best = { p, k };
    }
    if (best.p) {
      out2.push({ t: "loop", times: best.k, body: items.slice(i2, i2 + best.p) });
      i2 += best.k * best.p;
    } else out2.push(items[i2++]);
  }
  return out2;
}
function sameBlock(sh, a, b2, p) {
  for (let j = 0; j < p; j++) if (sh[a + j] !== sh[b2 + j]) return false;
  return true;
}

// src/replay/trim-outcome.ts
var KEEP_NOTIFIERS = 100;
var KEEP_TRACE = 400;
function trimOutcome(o) {
  const notifiers = o.notifiers.slice(0, KEEP_NOTIFIERS);
  const trace = [];
  let dropped = 0;
  for (const e of o.trace) {
    const quiet = e.t === "call" || e.t === "return" || e.t === "lock" && (e.op === "acquire" || e.op === "release");
    if (quiet) continue;
    if (e.t === "notifier" && e.index >= KEEP_NOTIFIERS || trace.length >= KEEP_TRACE) {
      dropped++;
      continue;
    }
    trace.push(e);
  }
  const out2 = { ...o, notifiers, trace };
  const lessNotifiers = o.notifiers.length - notifiers.length;
  if (dropped || lessNotifiers) out2.trimmed = { trace: dropped, notifiers: lessNotifiers };
  return out2;
}

// src/replay/replay-scenario.ts
async function replayScenario(run2, task, actors, wanted = () => true) {
  const { scenario } = task;
  const baseline = await run2({ unit: task.base, scenario, trace: "full" });
  const called2 = calledFunctions(baseline);
  const variants = [];
  const plainDiffs = /* @__PURE__ */ new Map();
  let best = null;
  for (const unit of task.variants) {
    if (called2 && unit.changed && !unit.changed.some((f) => called2.has(f))) {
      const outcome2 = { ...baseline, base: `${unit.base}${unit.label ? ` + ${unit.label}` : ""}` };
      variants.push({ key: unit.key, outcome: trimOutcome(outcome2), differences: [], changed: false, regression: false, reached: false });
      plainDiffs.set(unit.key, null);
      continue;
    }
    const outcome = await run2({ unit, scenario, trace: "full" });
    const cmp = compareOutcomes(baseline, outcome);
    const score = changeScore(cmp);
    if (!unit.partial && score > (best?.score ?? 0)) best = { score, unit, outcome };
    variants.push({ key: unit.key, outcome: trimOutcome(outcome), differences: cmp.differences, changed: cmp.differences.length > 0, regression: cmp.regression, reached: true });
    plainDiffs.set(unit.key, cmp.differences);
  }
  const result = {
    scenario: scenario.name,
    baseline: trimOutcome(baseline),
    variants,
    best: best && { score: best.score, label: best.unit.label, sequence: wanted(best.score) ? sequencePair(best.unit.label, scenario.name, baseline, best.outcome, actors) : null }
  };
  if (task.explore) {
    const { exploreScenario: exploreScenario2 } = await Promise.resolve().then(() => (init_explore_scenario(), explore_scenario_exports));
    const x = await exploreScenario2(run2, scenario, task.base, task.variants, { baseline, differences: plainDiffs }, task.explore);
    for (const v of variants) v.explore = x.perVariant.get(v.key);
  }
  return result;
}
function calledFunctions(o) {
  const out2 = /* @__PURE__ */ new Set();
  for (const ev of o.trace) {
    if (ev.t === "call") out2.add(ev.fn);
    else if (ev.t === "note" && ev.fn === "(runner)") return null;
  }
  return out2;
}
function changeScore(c) {
  if (!c.differences.length) return 0;
  const has = (k) => c.differences.some((d) => d.kind === k);
  return (c.regression ? 1e4 : 0) + (has("verdict") ? 5e3 : 0) + (has("result") ? 2e3 : 0) + c.differences.length * 10 + Math.min(9, c.analysis.gained.length);
}

// src/replay/run-all.ts
init_baseline_cache();
var MODEL = {
  compile: compileUnit,
  async run(compiled, job) {
    const { runScenario: runScenario2 } = await Promise.resolve().then(() => (init_run(), run_exports));
    return runScenario2(compiled, job.scenario, { trace: job.trace, ...job.explore });
  }
};
var VARIANTS_PER_PASS = 8;
var InProcessRunner = class {
  constructor(model = MODEL, kept = VARIANTS_PER_PASS + 1) {
    this.model = model;
    this.kept = kept;
  }
  model;
  kept;
  compiled = /* @__PURE__ */ new Map();
  /** Units of a base's own sources: never dropped. */
  pinned = /* @__PURE__ */ new Set();
  compile(unit) {
    let c = this.compiled.get(unit.key);
    if (c) {
      this.compiled.delete(unit.key);
    } else {
      c = this.model.compile(unit);
      if (unit.sources === null) this.pinned.add(unit.key);
      const variants = [...this.compiled.keys()].filter((k) => !this.pinned.has(k));
      if (!this.pinned.has(unit.key) && variants.length >= this.kept) this.compiled.delete(variants[0]);
    }
    this.compiled.set(unit.key, c);
    return c;
  }
  async run(job) {
    const of = job.unit.sources === null && job.trace === "full" && !job.explore && baselineCacheDir() !== null ? await ownSources(job.unit.base) : null;
    const kept = of ? cachedBaseline(of, job.scenario) : null;
    if (kept) return kept;
    const outcome = await this.model.run(await this.compile(job.unit), job);
    if (of) keepBaseline(of, job.scenario, outcome);
    return outcome;
  }
  async errors(unit) {
    const kept = unit.sources === null ? await precomputedBaseErrors(unit.base) : null;
    return kept ?? (await this.compile(unit)).diagnostics.filter((d) => d.severity === "error");
  }
};
async function ownSources(name2) {
  const [{ loadBase: loadBase2 }, { MODEL_CONFIG: MODEL_CONFIG2 }] = await Promise.all([Promise.resolve().then(() => (init_source(), source_exports)), Promise.resolve().then(() => (init_config(), config_exports))]);
  const { base, sources } = loadBase2(name2);
  return { kernel: base.spec.kernel, config: MODEL_CONFIG2, sources };
}
async function precomputedBaseErrors(name2) {
  const [{ baseInfo: baseInfo2, loadBase: loadBase2 }, { sourcesDigest: sourcesDigest2 }, { precomputedCompileFacts: precomputedCompileFacts2 }] = await Promise.all([
    Promise.resolve().then(() => (init_source(), source_exports)),
    Promise.resolve().then(() => (init_compile_check(), compile_check_exports)),
    Promise.resolve().then(() => (init_compile_facts_cache(), compile_facts_cache_exports))
  ]);
  return precomputedCompileFacts2(baseInfo2(name2).spec.kernel, sourcesDigest2(loadBase2(name2).sources))?.errors ?? null;
}
async function compileUnit(unit) {
  const [{ compileSources: compileSources2 }, { baseInfo: baseInfo2, loadBase: loadBase2 }, { loadCParser: loadCParser2 }] = await Promise.all([
    Promise.resolve().then(() => (init_run(), run_exports)),
    Promise.resolve().then(() => (init_source(), source_exports)),
    Promise.resolve().then(() => (init_ts_parser(), ts_parser_exports))
  ]);
  await loadCParser2();
  if (!unit.sources) {
    const { base, sources } = loadBase2(unit.base);
    return compileSources2(base, sources, [], { reuse: true });
  }
  return compileSources2(baseInfo2(unit.base), unit.sources, unit.label ? [unit.label] : [], { reuse: true });
}

// src/replay/run-worker.ts
init_worker_pool();
init_compiler_support();
var port = parentPort;
if (!port) throw new Error("run-worker.js is a worker thread entry (started by worker-pool.ts)");
var input = workerData;
if (input.lowered) loadCaches(input.lowered);
if (input.baselineCache) useBaselineCache(input.baselineCache);
var runner2 = new InProcessRunner();
var post = (m) => port.postMessage(m);
var current = -1;
claimLoop(
  input,
  (task) => {
    current = input.tasks.indexOf(task);
    return replayScenario((job) => runner2.run(job), task, input.actors);
  },
  (index, result) => post({ index, result })
).then(
  () => post({ done: true }),
  (err2) => {
    post({ index: current, error: err2 instanceof Error ? err2.stack ?? err2.message : String(err2) });
    post({ done: true });
  }
);
