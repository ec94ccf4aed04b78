import express5 from 'express';

/** Both supported Express majors, for tests that must pass on each. */
export async function expressVersions(): Promise<Array<[string, typeof express5]>> {
  const express4 = (await import('express4' as string)).default as typeof express5;
  return [
    ['express 5', express5],
    ['express 4', express4],
  ];
}
