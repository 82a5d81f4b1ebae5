import { mountApp } from '@melvin/web/ui';
import { App } from './app/app';
import './styles.css';

mountApp(<App />);
