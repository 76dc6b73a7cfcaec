'use client';

// The map segment fails like any page; its own boundary keeps the header and language switch usable.
export { default } from '@/app/error';
