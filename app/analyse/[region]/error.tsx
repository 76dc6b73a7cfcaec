'use client';

// The analysis fails like any page; its own boundary keeps the header usable.
export { default } from '@/app/error';
