'use client';

// The admin pages fail like any page; their own boundary keeps the header and tabs usable.
export { default } from '@/app/error';
