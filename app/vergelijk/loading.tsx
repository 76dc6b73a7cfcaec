export { default } from '../analyse/[region]/loading';
