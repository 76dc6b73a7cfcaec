export { default } from '@/app/analyse/[region]/loading';
