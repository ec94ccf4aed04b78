/**
 * Reads a method or accessor of Node's req/res objects without a property
 * lookup on them. Express gives every request and response a fresh hidden
 * class (Object.setPrototypeOf), so each `res.setHeader` or `res.statusCode`
 * misses V8's inline caches and walks the prototype chain in the runtime:
 * measured under callgrind, a few thousand instructions apiece, per request.
 * The member is found once per prototype (one per app); an own property on
 * the object itself (a wrapper some middleware installed) still wins.
 */
export function protoMember(name: string): (obj: object) => PropertyDescriptor {
  let lastProto: object | null = null;
  let found: PropertyDescriptor | undefined;
  const hasOwn = Object.prototype.hasOwnProperty;
  return (obj) => {
    if (hasOwn.call(obj, name)) return Object.getOwnPropertyDescriptor(obj, name)!;
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (proto !== lastProto || found === undefined) {
      lastProto = proto;
      found = undefined;
      for (let p = proto; p && !found; p = Object.getPrototypeOf(p) as object | null) found = Object.getOwnPropertyDescriptor(p, name);
      found ??= { value: undefined };
    }
    return found;
  };
}

/** `obj[name]` through protoMember: a data property's value, or its getter called on `obj`. */
export function readMember(member: (obj: object) => PropertyDescriptor, obj: object): unknown {
  const d = member(obj);
  return d.get ? d.get.call(obj) : d.value;
}
